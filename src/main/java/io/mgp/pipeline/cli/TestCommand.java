package io.mgp.pipeline.cli;

import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelRunner;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the data tests of the lake's published tables, without building anything.")
final class TestCommand extends ModelCommand {

    @Override
    BuildResult work(ModelRunner runner, Set<String> selected) {
        return runner.testSelection(selected);
    }

    @Override
    String missing(Catalog catalog, LakeTables tables, Set<String> selected) {
        return unbuilt(catalog, tables, selected);
    }
}
