package io.mgp.pipeline.cli;

import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.CatalogLoader;
import io.mgp.pipeline.models.ProjectFiles;
import java.nio.file.Path;

/** The models a command builds: the application's own, or those of the folder {@code mgp.project} names. */
final class Project {

    private Project() {
    }

    static Catalog catalog(String folder) {
        return CatalogLoader.load(folder == null || folder.isBlank() ? ProjectFiles.builtIn() : ProjectFiles.folder(Path.of(folder)));
    }
}
