package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lake a reading command ({@code history}, {@code query}) reads: it must exist, and the command creates nothing. */
final class ExistingLake {

    private ExistingLake() {
    }

    /** The lake of {@code --lake}, or of {@code mgp.lake}; a folder that does not exist is an error. */
    static Lake open(String option) {
        String folder = option != null ? option : Settings.get("mgp.lake");
        if (!Files.isDirectory(Path.of(folder))) {
            throw new PipelineException("no lake at " + folder);
        }
        return new Lake(folder);
    }

    /** Fails unless the lake has an Iceberg catalog to read, saying how to make one. */
    static void requireCatalog(Lake lake) {
        if (!hasCatalog(lake)) {
            throw new PipelineException("no Iceberg tables in " + lake + " yet (no " + lake.catalogFile().getFileName()
                    + "): run 'pipeline run --lake " + lake + "' first");
        }
    }

    /** Whether the lake has an Iceberg catalog to read: its own file, or a catalog configured elsewhere. */
    static boolean hasCatalog(Lake lake) {
        String uri = Settings.get("mgp.catalog.uri");
        return uri != null && !uri.isBlank() || Files.exists(lake.catalogFile());
    }
}
