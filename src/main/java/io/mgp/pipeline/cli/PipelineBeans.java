package io.mgp.pipeline.cli;

import io.mgp.pipeline.api.ApiRouterSetup;
import io.mgp.pipeline.api.SeedApi;
import io.mgp.pipeline.lake.BronzeBatcher;
import io.mgp.pipeline.lake.BronzeWriter;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.ModelRunner;
import io.mgp.pipeline.run.RunReport;
import java.util.Set;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

/**
 * The beans the route files call, bound once the configuration is resolved and before the routes start.
 * They are bound here rather than declared in the YAML because Camel Main parses YAML twice at start,
 * which would load the seeds twice.
 */
final class PipelineBeans implements CamelConfiguration {

    private final Set<Part> parts;
    private final RunReport report;

    PipelineBeans(Set<Part> parts, RunReport report) {
        this.parts = parts;
        this.report = report;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        Registry registry = context.getRegistry();
        registry.bind("runReport", report);
        if (parts.contains(Part.API)) {
            SeedApi seedApi = new SeedApi(CamelApp.property(context, "mgp.seeds"));
            registry.bind("seedApi", seedApi);
            // The seeds load while Camel starts; the start completes only once they are in memory (or failed).
            context.addStartupListener((started, alreadyStarted) -> seedApi.awaitSeeds());
            ApiRouterSetup.install(context, CamelApp.property(context, "mgp.host"),
                    Integer.parseInt(CamelApp.property(context, "mgp.port")));
        }
        if (parts.contains(Part.CLIENT)) {
            Lake lake = new Lake(CamelApp.property(context, "mgp.lake"));
            // One pool for every level of the crawl, so --concurrency bounds the requests in flight in all.
            registry.bind("crawlPool", context.getExecutorServiceManager().newFixedThreadPool(
                    this, "crawl", Integer.parseInt(CamelApp.property(context, "mgp.concurrency"))));
            registry.bind("bronzeBatcher", new BronzeBatcher(report.runId()));
            BronzeWriter bronzeWriter = new BronzeWriter(lake, report);
            registry.bind("bronzeWriter", bronzeWriter);
            context.addService(bronzeWriter, true);
            registry.bind("inCallerThread", new SynchronousExecutorService());
            registry.bind("modelRunner", new ModelRunner(lake, report));
        }
    }
}
