package io.mgp.pipeline.cli;

import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelRunner;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the models from the lake's bronze and run their data tests, without crawling: a model is"
                + " published only if none of its error tests fails, and the models that read it are skipped otherwise.")
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
