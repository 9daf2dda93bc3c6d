package io.mgp.pipeline.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import io.mgp.pipeline.models.BuildRecords;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.CatalogLoader;
import io.mgp.pipeline.models.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's docs stage. */
class LakeDocsTest {

    @TempDir
    Path root;

    @Test
    void theSiteIsWrittenWhenMissingAndAgainOnlyOnceABuildLeftNewerResults() throws Exception {
        try (IcebergTables tables = tables(); DefaultCamelContext context = new DefaultCamelContext()) {
            LakeDocs docs = new LakeDocs(new Lake(root.toString()), catalog(), tables);
            assertTrue(docs.isStale(), "no site yet");

            docs.write(context);

            assertTrue(docs.exists());
            assertFalse(docs.isStale());
            Path results = new BuildRecords(root).runResults();
            Files.createDirectories(results.getParent());
            Files.writeString(results, "{\"results\": []}");
            Files.setLastModifiedTime(results, FileTime.from(Instant.now().plusSeconds(5)));
            assertTrue(docs.isStale(), "a build's results are newer than the site");
        }
    }

    @Test
    void aSiteAnotherVersionWroteIsWrittenAgain() throws Exception {
        try (IcebergTables tables = tables(); DefaultCamelContext context = new DefaultCamelContext()) {
            LakeDocs docs = new LakeDocs(new Lake(root.toString()), catalog(), tables);
            docs.write(context);
            assertFalse(docs.isStale());

            Files.writeString(docs.folder().resolve("docs.js"), "// an older version's script\n");

            assertTrue(docs.isStale());
        }
    }

    @Test
    void aSiteThatCannotBeWrittenIsAWarningNotAFailedRun() throws Exception {
        Files.writeString(root.resolve("docs"), "a file where the site's folder would go");
        try (IcebergTables tables = tables(); DefaultCamelContext context = new DefaultCamelContext()) {
            LakeDocs docs = new LakeDocs(new Lake(root.toString()), catalog(), tables);

            docs.write(context);

            assertFalse(docs.exists());
            assertTrue(docs.isStale());
        }
    }

    private IcebergTables tables() {
        Lake lake = new Lake(root.toString());
        return new IcebergTables(lake, "r1", false, () -> LakeCatalog.open(lake, key -> null));
    }

    private static Catalog catalog() {
        return CatalogLoader.load(ProjectFiles.builtIn());
    }
}
