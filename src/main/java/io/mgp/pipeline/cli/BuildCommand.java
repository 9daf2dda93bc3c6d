package io.mgp.pipeline.cli;

import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelRunner;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the models from the lake's bronze and run their data tests, without crawling: the models are"
                + " published together, only if no error test fails; the models that read a failed one are skipped.")
final class BuildCommand extends ModelCommand {

    @Override
    BuildResult work(ModelRunner runner, Set<String> selected) throws Exception {
        return runner.buildSelection(selected, "build");
    }

    @Override
    String missing(Catalog catalog, LakeTables tables, Set<String> selected) {
        // a model this selection does not build must already be in the lake for the ones that read it
        Set<String> read = new LinkedHashSet<>();
        catalog.models().stream().filter(m -> selected.contains(m.id())).forEach(m -> read.addAll(m.dependsOn()));
        read.removeAll(selected);
        return unbuilt(catalog, tables, read);
    }
}
