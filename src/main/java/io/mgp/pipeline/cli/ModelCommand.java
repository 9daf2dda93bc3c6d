package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.launch.JvmLauncher;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeLock;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.log.RunLog;
import io.mgp.pipeline.models.BuildConsole;
import io.mgp.pipeline.models.BuildRecords;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelResult;
import io.mgp.pipeline.models.ModelRunner;
import io.mgp.pipeline.models.Node;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.StateDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code build} and {@code test}: work on a lake a run crawled, without the API or Camel. The lake is locked as a run
 * locks it, and the command leaves the same records a run's transform does.
 */
abstract class ModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec command;

    @Mixin
    ModelOptions options;

    @Mixin
    ConsoleOptions console;

    @Mixin
    EngineOptions engineOptions;

    /** What the command does to the selected tables. */
    abstract BuildResult work(ModelRunner runner, Set<String> selected) throws Exception;

    /** A table the command needs but the lake lacks, or null when all are there. */
    abstract String missing(Catalog catalog, LakeTables tables, Set<String> selected);

    @Override
    public Integer call() throws Exception {
        // a usage error (an engine not built) is said before anything is read
        Engine engine = engineOptions.open(Settings::get);
        RunReport report = new RunReport();
        BuildResult result;
        Lake lake;
        try (engine) {
            Optional<Lake> crawled = Lake.crawled(options.lake());
            try (IcebergTables tables = crawled.map(found -> warmTables(found, report.runId())).orElse(null)) {
                // the project's mistakes are said first, and a missing lake is not created
                Catalog catalog = Project.catalog(options.project());
                Set<String> selected = catalog.select(options.select);
                lake = crawled.orElseThrow(() -> new PipelineException("no crawl in " + Path.of(options.lake()).toAbsolutePath().normalize()
                        + " yet: run 'pipeline run --lake " + options.lake() + "' first"));
                String missing = missing(catalog, tables, selected);
                if (missing != null) {
                    throw new PipelineException(missing);
                }
                LakeLock lock = LakeLock.acquire(lake.root());
                StateDb state = new StateDb(lake.stateFile());
                try (RunLog log = RunLog.open(lake.root(), report.runId(), () -> command.name())) {
                    result = work(new ModelRunner(lake, catalog, tables, engine, report, state,
                            OpenLineageSetup.events(lake, catalog, report.runId(), Settings::get)), selected);
                } finally {
                    state.stop();
                    lock.stop();
                }
            }
        }
        PrintWriter out = command.commandLine().getOut();
        out.print(summary(report, result, lake));
        out.flush();
        if (QualitySummary.failed(report)) {
            command.commandLine().getErr().println(Cli.NAME + ": " + QualitySummary.failure(report));
            return 1;
        }
        return 0;
    }

    /** The lake's tables, loaded with the files of their published versions while the project is read, if it has any. */
    private static IcebergTables warmTables(Lake lake, String runId) {
        IcebergTables tables = ExistingLake.tables(lake, runId);
        return ExistingLake.hasCatalog(lake) ? tables.planInBackground() : tables;
    }

    private String summary(RunReport report, BuildResult result, Lake lake) {
        StringBuilder out = new StringBuilder();
        String name = Character.toUpperCase(command.name().charAt(0)) + command.name().substring(1);
        out.append(String.format("%s finished in %s (JVM start included): %s%s%n", name, seconds(JvmLauncher.sinceLaunch().toNanos()),
                result.models().isEmpty() ? "" : "models " + seconds(result.modelTime().toNanos()) + ", ",
                "tests " + seconds(result.testTime().toNanos())
                        + (result.models().isEmpty() ? "" : ", publish " + seconds(result.publishTime().toNanos()))));
        if (!result.models().isEmpty()) {
            long published = result.models().stream().filter(m -> m.status() == ModelResult.Status.SUCCESS).count();
            long held = result.models().stream().filter(m -> m.status() == ModelResult.Status.HELD).count();
            out.append(String.format("  Models     %,d: built %,d, not built %,d%s%n", result.models().size(), published + held,
                    result.models().size() - published - held, held == 0 ? "" : String.format(", held back %,d", held)));
        }
        out.append(QualitySummary.render(report));
        BuildRecords records = new BuildRecords(lake.root());
        out.append(String.format("  Results    %s%n", BuildConsole.shown(records.runResults())));
        out.append(String.format("  Log        %s%n", BuildConsole.shown(RunLog.file(lake.root(), report.runId()).getParent())));
        return out.toString();
    }

    private static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    /** The first selected model whose table the lake lacks, as an error, or null. */
    static String unbuilt(Catalog catalog, LakeTables tables, Set<String> selected) {
        return catalog.models().stream().filter(m -> selected.contains(m.id()) && !tables.exists(m.layer(), m.name()))
                .map(Node::id).findFirst()
                .map(id -> id + " has not been built in this lake: run 'pipeline build' first").orElse(null);
    }
}
