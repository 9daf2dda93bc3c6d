package io.mgp.pipeline.cli;

import io.mgp.pipeline.engine.DuckDbEngine;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import io.mgp.pipeline.models.BuildConsole;
import io.mgp.pipeline.models.BuildResult;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.CatalogLoader;
import io.mgp.pipeline.models.ModelBuild;
import io.mgp.pipeline.models.ProjectFiles;
import java.nio.file.Path;

/**
 * A child JVM's {@code build} of every model of a project without the lake's lock, as two machines sharing a catalog
 * would build: {@code UnlockedBuild <lake> <run id> <project folder>}. Prints each model's result; exits 0 when all
 * were published.
 */
public final class UnlockedBuild {

    private UnlockedBuild() {
    }

    public static void main(String[] args) {
        Lake lake = new Lake(args[0]);
        Catalog catalog = CatalogLoader.load(ProjectFiles.folder(Path.of(args[2])));
        BuildResult result;
        try (IcebergTables tables = new IcebergTables(lake, args[1], false, () -> LakeCatalog.open(lake, key -> null))) {
            result = new ModelBuild(catalog, tables, lake, new DuckDbEngine(), args[1], new BuildConsole()).build(catalog.select(null));
        }
        result.models().forEach(m -> System.out.println("model " + m.model().id() + " " + m.status() + " " + m.message()));
        System.exit(result.allPublished() ? 0 : 1);
    }
}
