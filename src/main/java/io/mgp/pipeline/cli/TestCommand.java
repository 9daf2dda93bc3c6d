package io.mgp.pipeline.cli;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.launch.JvmLauncher;
import io.mgp.pipeline.models.BuildConsole;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelRunner;
import io.mgp.pipeline.models.UnitTest;
import io.mgp.pipeline.models.UnitTestRunner;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the data tests of the lake's published tables, without building anything; or, with --unit, the"
                + " models' unit tests.")
final class TestCommand extends ModelCommand {

    @Option(names = "--unit", description = "Run the selected models' unit tests (unit_tests: in their YAML) on the engine"
            + " instead: given rows in, expected rows out, no lake needed.")
    boolean unit;

    @Override
    public Integer call() throws Exception {
        return unit ? unitTests() : super.call();
    }

    @Override
    BuildResult work(ModelRunner runner, Set<String> selected) {
        return runner.testSelection(selected);
    }

    @Override
    String missing(Catalog catalog, LakeTables tables, Set<String> selected) {
        return unbuilt(catalog, tables, selected);
    }

    /** Each unit test of the selected models, one line each; 1 when any failed. */
    private int unitTests() {
        Catalog catalog = Project.catalog(options.project());
        Set<String> selected = catalog.select(options.select);
        List<UnitTest> tests = catalog.unitTests().stream().filter(t -> selected.contains(catalog.node(t.model()).id())).toList();
        BuildConsole console = new BuildConsole();
        int failed = 0;
        String engineName;
        try (Engine engine = engineOptions.open(Settings::get)) {
            engineName = engine.name();
            UnitTestRunner runner = new UnitTestRunner(catalog, engine);
            for (int i = 0; i < tests.size(); i++) {
                long start = System.nanoTime();
                String difference = runner.difference(tests.get(i));
                console.unitTest(i + 1, tests.size(), tests.get(i), difference, System.nanoTime() - start);
                failed += difference == null ? 0 : 1;
            }
        }
        command.commandLine().getOut().printf("Unit tests finished in %.2f s (JVM start included) on %s: %d passed, %d failed%n",
                JvmLauncher.sinceLaunch().toNanos() / 1e9, engineName, tests.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }
}
