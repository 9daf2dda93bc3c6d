package io.mgp.pipeline.docs;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.models.BuildRecords;
import io.mgp.pipeline.models.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's docs stage (routes/docs.yaml): the lake's docs site, written again when a build or test left newer records
 * than the site shows, or when there is none. Docs describe the lake; a failure to write them is a warning, never a
 * failed run.
 */
public final class LakeDocs {

    public static final String BEAN = "lakeDocs";
    private static final Logger LOG = LoggerFactory.getLogger(LakeDocs.class);

    private final Lake lake;
    private final Catalog catalog;
    private final LakeTables tables;

    public LakeDocs(Lake lake, Catalog catalog, LakeTables tables) {
        this.lake = lake;
        this.catalog = catalog;
        this.tables = tables;
    }

    public Path folder() {
        return DocsSite.folder(lake.root());
    }

    /**
     * Whether the site is missing, older than the build records it shows (or their times cannot be read), or written
     * by another version of the application.
     */
    public boolean isStale() {
        Path data = folder().resolve(DocsSite.DATA);
        Path records = new BuildRecords(lake.root()).runResults();
        try {
            return !Files.exists(data) || Files.exists(records)
                    && Files.getLastModifiedTime(records).compareTo(Files.getLastModifiedTime(data)) > 0
                    || !DocsSite.assetsCurrent(folder());
        } catch (IOException e) {
            return true;
        }
    }

    /** Writes the site, with the API's and the crawl's routes as this context holds them, or as their files say. */
    public void write(CamelContext context) {
        try {
            ModelCamelContext model = (ModelCamelContext) context;
            FlowRoutes flow = model.getRestDefinitions().isEmpty() ? FlowRoutes.load(DocsSite.ROUTE_FILES) : FlowRoutes.of(model);
            DocsSite.Written written = DocsSite.write(lake, catalog, node -> tables.history(node.layer(), node.name()), flow, folder());
            LOG.info("Docs written to {}: {} nodes, {} edges", written.folder(), written.nodes(), written.edges());
        } catch (RuntimeException e) {
            LOG.warn("The docs were not written: {}", PipelineException.firstLine(e));
        }
    }

    /** Whether the site is there to open. */
    public boolean exists() {
        return Files.exists(folder().resolve("index.html"));
    }
}
