package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The lake a command on existing tables ({@code history}, {@code query}, {@code maintain}) works on, from its
 * {@code --lake}: it must exist, and the command creates no lake.
 */
final class ExistingLake {

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake (default: lake).")
    String lake;

    /** The lake of {@code --lake}, or of {@code mgp.lake}; a folder that does not exist is an error. */
    Lake open() {
        String folder = lake != null ? lake : Settings.get("mgp.lake");
        if (!Files.isDirectory(Path.of(folder))) {
            throw new PipelineException("no lake at " + folder);
        }
        return new Lake(folder);
    }

    /** The lake's Iceberg tables, with the {@code mgp.catalog.*} settings; {@code runId} names the commits made. */
    static IcebergTables tables(Lake lake, String runId) {
        return new IcebergTables(lake, runId, false, () -> LakeCatalog.open(lake, Settings::get));
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
