package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.log.RunLog;
import io.mgp.pipeline.models.BuildListener;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.openlineage.LineageSink;
import io.mgp.pipeline.openlineage.OpenLineageEvents;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A build's OpenLineage events, by the command that builds: written to {@code lake/logs/<run id>/openlineage.ndjson},
 * and sent to {@code mgp.openlineage.url} too when it is set; none when {@code mgp.openlineage.enabled} is false.
 * The tables' namespace is the catalog's URI when the catalog is outside the lake ({@code mgp.catalog.uri}), the
 * lake's location otherwise.
 */
final class OpenLineageSetup {

    private static final Logger LOG = LoggerFactory.getLogger(OpenLineageSetup.class);

    private OpenLineageSetup() {
    }

    static Function<String, BuildListener> events(Lake lake, Catalog catalog, String runId, UnaryOperator<String> settings) {
        if ("false".equalsIgnoreCase(String.valueOf(settings.apply("mgp.openlineage.enabled")).strip())) {
            return command -> new BuildListener() { };
        }
        String catalogUri = settings.apply("mgp.catalog.uri");
        String datasets = catalogUri == null || catalogUri.isBlank() ? lake.root().toUri().toString().replaceFirst("/$", "")
                : namespace(catalogUri);
        String version = OpenLineageSetup.class.getPackage().getImplementationVersion();
        return command -> {
            try {
                return new OpenLineageEvents(new LineageSink(file(lake, runId), settings.apply("mgp.openlineage.url")), catalog,
                        datasets, command, runId, version == null ? "development" : version);
            } catch (RuntimeException | LinkageError e) {
                // lineage is a record of the build, not part of it
                LOG.warn("No OpenLineage events for this build: {}", PipelineException.firstLine(e));
                return new BuildListener() { };
            }
        };
    }

    /**
     * A JDBC catalog's URI as OpenLineage names a database ({@code postgres://host:5432/mgp}): without {@code jdbc:},
     * its user, password or other parameters, which events must not carry.
     */
    static String namespace(String jdbcUri) {
        String uri = jdbcUri.strip().replaceFirst("^jdbc:", "").replaceFirst("^postgresql:", "postgres:");
        return uri.replaceFirst("\\?.*$", "").replaceFirst("//[^/@]*@", "//").replaceFirst(";.*$", "");
    }

    static Path file(Lake lake, String runId) {
        return RunLog.file(lake.root(), runId).resolveSibling("openlineage.ndjson");
    }
}
