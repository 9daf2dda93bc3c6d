package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.api.ApiRouterSetup;
import io.mgp.pipeline.api.ApiRouterSetup.ServedFolder;
import io.mgp.pipeline.api.EventLoopHttpEngine;
import io.mgp.pipeline.api.FaultInjector;
import io.mgp.pipeline.api.FaultSpec;
import io.mgp.pipeline.api.SeedApi;
import io.mgp.pipeline.crawl.AnswerShape;
import io.mgp.pipeline.crawl.ApiProbe;
import io.mgp.pipeline.crawl.CrawlPlan;
import io.mgp.pipeline.crawl.RetryAfter;
import io.mgp.pipeline.crawl.Retryable;
import io.mgp.pipeline.docs.DocsSite;
import io.mgp.pipeline.docs.LakeDocs;
import io.mgp.pipeline.lake.BronzeBatcher;
import io.mgp.pipeline.lake.BronzeWriter;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeLock;
import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.Engines;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.LakeCatalog;
import io.mgp.pipeline.models.Catalog;
import io.mgp.pipeline.models.ModelBuild;
import io.mgp.pipeline.models.ModelRunner;
import io.mgp.pipeline.models.Node;
import io.mgp.pipeline.models.TestStatus;
import io.mgp.pipeline.log.RouteIdMdc;
import io.mgp.pipeline.metrics.ApiRouteMetrics;
import io.mgp.pipeline.metrics.CrawlRequestNotifier;
import io.mgp.pipeline.metrics.PipelineMetrics;
import io.mgp.pipeline.run.PipelineStatus;
import io.mgp.pipeline.run.Progress;
import io.mgp.pipeline.run.RunReport;
import io.mgp.pipeline.state.AnswerLog;
import io.mgp.pipeline.state.RunHistory;
import io.mgp.pipeline.state.StateDb;
import io.mgp.pipeline.state.TaskQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.apache.camel.support.builder.PredicateBuilder;
import org.apache.camel.util.FileUtil;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The beans the route files call, bound once the configuration is resolved and before the routes start.
 * They are bound here rather than declared in the YAML because Camel Main parses YAML twice at start,
 * which would load the seeds twice.
 */
final class PipelineBeans implements CamelConfiguration {

    /** The API endpoints routes/crawl.yaml requests. */
    private static final List<String> CRAWLED_ENDPOINTS = List.of("seasons", "events", "categories", "sessions", "classification");

    private final Set<Part> parts;
    private final RunReport report;

    PipelineBeans(Set<Part> parts, RunReport report) {
        this.parts = parts;
        this.report = report;
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        context.getRegistry().bind("runReport", report);
        RouteIdMdc.install(context);
        PipelineMetrics metrics = PipelineMetrics.install(context);
        report.recordTo(metrics);
        reloadOnlyOwnRouteFiles(context);
        if (parts.contains(Part.API)) {
            bindApi(context, metrics);
        }
        if (parts.contains(Part.CLIENT)) {
            // the project is read first: a mistake in a model or its YAML stops the run before anything is fetched
            Catalog catalog = Project.catalog(CamelApp.property(context, "mgp.project"));
            // and the engine: one that cannot be had (Spark's not built) is said before the lake is locked or written
            Engine engine = Engines.open(CamelApp.property(context, "mgp.engine"), key -> CamelApp.property(context, key));
            Lake lake = new Lake(CamelApp.property(context, "mgp.lake"));
            context.addService(LakeLock.acquire(lake.root()), true);
            boolean fullRefresh = Boolean.parseBoolean(CamelApp.property(context, "mgp.full-refresh"));
            if (fullRefresh) {
                lake.clear();
            }
            StateDb state = new StateDb(lake.stateFile());
            context.getRegistry().bind("stateDb", state);
            context.addService(state, true);
            bindCrawl(context, metrics, catalog, state, fullRefresh);
            bindBronze(context, lake, state);
            bindModels(context, metrics, catalog, engine, lake, state, fullRefresh);
        }
    }

    /** The emulated API: its seeds, its HTTP engine and router, its faults and meters. */
    private void bindApi(CamelContext context, PipelineMetrics metrics) throws Exception {
        Registry registry = context.getRegistry();
        SeedApi seedApi = new SeedApi(CamelApp.property(context, "mgp.seeds"));
        registry.bind("seedApi", seedApi);
        registry.bind(EventLoopHttpEngine.NAME, new EventLoopHttpEngine());
        ApiRouteMetrics.install(context);
        // The seeds load while Camel starts; the start completes only once they are in memory (or failed).
        context.addStartupListener((started, alreadyStarted) -> seedApi.awaitSeeds());
        FaultInjector faults = new FaultInjector(faultSpec(CamelApp.property(context, "mgp.faults")), metrics::faultInjected);
        metrics.expectFaults(FaultInjector.kinds());
        registry.bind(FaultInjector.BEAN, faults);
        // the docs site, and the failing rows its pages link to
        Path lake = Path.of(CamelApp.property(context, "mgp.lake"));
        ApiRouterSetup.install(context, Integer.parseInt(CamelApp.property(context, "mgp.port")), faults, List.of(
                new ServedFolder(DocsSite.SERVED_AT, DocsSite.folder(lake), "no docs in " + DocsSite.folder(lake) + " yet: 'docs --lake "
                        + lake + "' writes them"),
                new ServedFolder("/quality", ModelBuild.qualityFolder(lake), "no failing rows stored in " + ModelBuild.qualityFolder(lake))));
    }

    /** The crawl (routes/crawl.yaml, crawl-retries.yaml, tasks.yaml): its plan, task queue, run history, progress and HTTP. */
    private void bindCrawl(CamelContext context, PipelineMetrics metrics, Catalog catalog, StateDb state, boolean fullRefresh)
            throws Exception {
        Registry registry = context.getRegistry();
        context.getManagementStrategy().addEventNotifier(new CrawlRequestNotifier(metrics));
        metrics.expectCrawl(CRAWLED_ENDPOINTS, catalog.sources().stream().map(Node::name).toList());
        CrawlPlan plan = new CrawlPlan(state, report.runId(), taskLimit(CamelApp.property(context, "mgp.tasks")));
        registry.bind("crawlPlan", plan);
        registry.bind("answerLog", new AnswerLog(state));
        TaskQueue taskQueue = new TaskQueue(state, report);
        registry.bind("taskQueue", taskQueue);
        for (String status : TaskQueue.STATUSES) {
            metrics.taskGauge(status, () -> taskQueue.count(status));
        }
        RunHistory history = new RunHistory(state, report, fullRefresh ? "full-refresh" : plan.mode());
        registry.bind("runHistory", history);
        Progress progress = new Progress(report, plan);
        registry.bind(Progress.BEAN, progress);
        context.addService(new PipelineStatus(context, report, progress, history::lastError), true);
        // One pool for every level of the crawl, so --concurrency bounds the requests in flight in all.
        registry.bind("crawlPool", context.getExecutorServiceManager().newFixedThreadPool(
                this, "crawl", Integer.parseInt(CamelApp.property(context, "mgp.concurrency"))));
        // Decided once: a simple predicate on the property would read and convert it for every request.
        registry.bind("rateLimited", PredicateBuilder.constant(Integer.parseInt(CamelApp.property(context, "mgp.max-rps")) > 0));
        registry.bind("apiProbe", new ApiProbe(CamelApp.property(context, "mgp.api-url")));
        registry.bind("answerShape", new AnswerShape(CamelApp.property(context, "mgp.api-url")));
        registry.bind("retryable", new Retryable(Integer.parseInt(CamelApp.property(context, "mgp.retry.attempts"))));
        registry.bind("retryAfter", new RetryAfter(Duration.ofMillis(Long.parseLong(CamelApp.property(context, "mgp.retry.max-delay")))));
    }

    /** Bronze (routes/lake.yaml): the writer of the answers and its batches. */
    private void bindBronze(CamelContext context, Lake lake, StateDb state) throws Exception {
        Registry registry = context.getRegistry();
        BronzeWriter bronzeWriter = new BronzeWriter(lake, report, state);
        registry.bind("bronzeWriter", bronzeWriter);
        context.addService(bronzeWriter, true);
        registry.bind("bronzeBatcher", new BronzeBatcher(report.runId(), bronzeWriter));
        registry.bind("fullBronzeBatch", bronzeWriter.fullAt(Long.parseLong(CamelApp.property(context, "mgp.bronze.batch-size"))));
        registry.bind("bronzeWriters", bronzeWriters(context));
    }

    /** Silver and gold (routes/lake.yaml's transform, docs.yaml): the Iceberg tables, the model runner and the docs. */
    private void bindModels(CamelContext context, PipelineMetrics metrics, Catalog catalog, Engine engine, Lake lake, StateDb state,
            boolean fullRefresh) throws Exception {
        metrics.expectDataTests(Arrays.stream(TestStatus.values()).map(TestStatus::toString).toList());
        IcebergTables tables = new IcebergTables(lake, report.runId(), fullRefresh,
                () -> LakeCatalog.open(lake, key -> CamelApp.property(context, key)))
                .planInBackground();
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                try (tables; engine) {
                    // closed last to first: the engine, whose Spark session may still read the tables, then the catalog
                }
            }
        }, true);
        context.getRegistry().bind("modelRunner", new ModelRunner(lake, catalog, tables, engine, report, state,
                OpenLineageSetup.events(lake, catalog, report.runId(), key -> CamelApp.property(context, key))));
        context.getRegistry().bind(LakeDocs.BEAN, new LakeDocs(lake, catalog, tables));
    }

    /** {@code --faults} checks its spec, but {@code mgp.faults} may also come from -D or the environment. */
    private static FaultSpec faultSpec(String spec) {
        try {
            return FaultSpec.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new PipelineException("mgp.faults: " + e.getMessage());
        }
    }

    /**
     * Route reload (make dev, mvn camel:dev) watches only this command's route files: another's routes need beans it
     * does not bind, and a failed reload is retried with every later one. Set on the reloader itself because
     * camel:dev sets camel.main.routesReloadPattern as a system property, which outranks every other setting.
     */
    private void reloadOnlyOwnRouteFiles(CamelContext context) {
        RouteWatcherReloadStrategy reload = context.hasService(RouteWatcherReloadStrategy.class);
        if (reload != null) {
            reload.setPattern(parts.stream().flatMap(part -> Arrays.stream(part.routes().split(",")))
                    .map(FileUtil::stripPath).collect(Collectors.joining(",")));
        }
    }

    /** {@code mgp.tasks}: {@code all}, or the most tasks a run fetches. */
    private static Integer taskLimit(String value) {
        return "all".equals(value) ? null : Integer.valueOf(value);
    }

    /** The bronze writer thread (routes/lake.yaml says how the aggregator uses it): no queue, the caller runs. */
    private ExecutorService bronzeWriters(CamelContext context) {
        return context.getExecutorServiceManager().newThreadPool(this, "bronze", new ThreadPoolProfileBuilder("bronze")
                .poolSize(1).maxPoolSize(1).maxQueueSize(0).rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }
}
