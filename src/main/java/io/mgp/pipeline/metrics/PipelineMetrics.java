package io.mgp.pipeline.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.jmx.JmxMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.CamelJmxConfig;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The pipeline's own meters, beside those Camel keeps for its routes: the crawl's requests per endpoint, bronze
 * writes per table, run stages, tasks by status and the faults the API injected. They are recorded in Camel's
 * Prometheus registry (scraped at {@code /observe/metrics}) and read from there by MBeans under
 * {@code org.apache.camel.micrometer}.
 */
public final class PipelineMetrics extends ServiceSupport {

    /** The name other beans and routes find it by in Camel's registry. */
    public static final String BEAN = "pipelineMetrics";

    /** Latency buckets of a request: a local API answers in about a millisecond, the client gives up after 30 s. */
    private static final Duration[] REQUEST_BUCKETS = {
        Duration.ofMillis(1).dividedBy(2), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(30),
    };

    private final MeterRegistry registry;
    private final JmxMeterRegistry jmx;
    private final Map<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();
    private final Map<String, BronzeMeters> bronzeTables = new ConcurrentHashMap<>();
    private final Map<String, Counter> apiFaults = new ConcurrentHashMap<>();
    private final Map<String, Counter> dataTests = new ConcurrentHashMap<>();

    private PipelineMetrics(MeterRegistry registry, JmxMeterRegistry jmx) {
        this.registry = registry;
        this.jmx = jmx;
    }

    /**
     * Records into the Prometheus registry camel-micrometer-prometheus bound ({@code camel.metrics.enabled}; without
     * it, into one only JMX reads), binds the result as {@link #BEAN} and lets Camel stop it, which removes its MBeans.
     */
    public static PipelineMetrics install(CamelContext context) throws Exception {
        MeterRegistry scraped = MicrometerUtils.getMeterRegistryFromCamelRegistry(
                context.getRegistry(), MicrometerConstants.METRICS_REGISTRY_NAME);
        PipelineMetrics metrics = new PipelineMetrics(scraped == null ? new SimpleMeterRegistry() : scraped,
                new JmxMeterRegistry(CamelJmxConfig.DEFAULT, Clock.SYSTEM));
        context.getRegistry().bind(BEAN, metrics);
        context.addService(metrics, true);
        return metrics;
    }

    /**
     * Publishes the crawl's meters at zero, before their first request or write: a Prometheus user expects a series
     * from the start, and {@code rate()} needs its first zero.
     */
    public void expectCrawl(Collection<String> endpoints, Collection<String> bronzeTables) {
        endpoints.forEach(endpoint -> this.endpoints.computeIfAbsent(endpoint, this::endpointMeters));
        bronzeTables.forEach(table -> this.bronzeTables.computeIfAbsent(table, this::bronzeMeters));
    }

    /** Publishes the counter of each kind of fault the API may inject at zero, before the first. */
    public void expectFaults(Collection<String> kinds) {
        kinds.forEach(kind -> apiFaults.computeIfAbsent(kind, this::faultCounter));
    }

    /** One request of the crawl (each try of a retried one) to an endpoint ({@code events}): time, and whether it failed. */
    public void crawlRequest(String endpoint, long nanos, boolean failed) {
        endpoints.computeIfAbsent(endpoint, this::endpointMeters).record(nanos, failed);
    }

    /** One batch of a bronze table written, of this many rows. */
    public void bronzeWritten(String table, long rows) {
        bronzeTables.computeIfAbsent(table, this::bronzeMeters).record(rows);
    }

    /** A run stage ({@code startup}, {@code crawl}, ...) ended after this long. */
    public void stageFinished(String stage, Duration time) {
        timer(Timer.builder("mgp.run.stage").description("Wall time of a run stage"), Tags.of("stage", stage)).record(time);
    }

    /** The data tests' counters at zero for every status, so a scrape before the first build shows them. */
    public void expectDataTests(Collection<String> statuses) {
        statuses.forEach(this::dataTestCounter);
    }

    public void dataTest(String status) {
        dataTestCounter(status).increment();
    }

    private Counter dataTestCounter(String status) {
        return dataTests.computeIfAbsent(status, s -> counter(Counter.builder("mgp.data.tests")
                .description("Data tests run, by how they ended"), Tags.of("status", s)));
    }

    public void modelBuilt(String model, Duration time) {
        timer(Timer.builder("mgp.model.build").description("Wall time of building a model, its tests excluded"),
                Tags.of("model", model)).record(time);
    }

    /** The emulated API injected a fault of this kind ({@code error}, {@code throttle}, ...) into an answer. */
    public void faultInjected(String kind) {
        apiFaults.computeIfAbsent(kind, this::faultCounter).increment();
    }

    private Counter faultCounter(String kind) {
        return counter(Counter.builder("mgp.api.faults").description("Faults the emulated API injected into its answers"),
                Tags.of("kind", kind));
    }

    /**
     * Publishes how many tasks are in a status ({@code pending}, {@code done}, ...), read from {@code count} at each
     * scrape; a second call for the same status keeps the first supplier.
     */
    public void taskGauge(String status, Supplier<Number> count) {
        for (MeterRegistry target : new MeterRegistry[] {registry, jmx}) {
            Gauge.builder("mgp.tasks", count).tag("status", status).description("Crawl tasks in a status").register(target);
        }
    }

    private EndpointMeters endpointMeters(String endpoint) {
        Tags tags = Tags.of("endpoint", endpoint);
        return new EndpointMeters(
                counter(Counter.builder("mgp.crawl.requests").description("Requests the crawl made to an API endpoint"), tags),
                counter(Counter.builder("mgp.crawl.request.errors")
                        .description("Requests to an API endpoint that failed (no answer, or not 2xx)"), tags),
                timer(Timer.builder("mgp.crawl.request")
                        .description("Time from sending a request to an API endpoint to its whole answer")
                        .serviceLevelObjectives(REQUEST_BUCKETS), tags));
    }

    private BronzeMeters bronzeMeters(String table) {
        Tags tags = Tags.of("table", table);
        return new BronzeMeters(
                counter(Counter.builder("mgp.bronze.rows").description("Rows written to a bronze table"), tags),
                counter(Counter.builder("mgp.bronze.batches").description("Batches written to a bronze table"), tags));
    }

    /**
     * The JMX registry's meters only read the Prometheus ones when asked: its own would cost a lock and a sorted-map
     * insert per recording (Dropwizard's reservoirs), on every request of the crawl.
     */
    private Counter counter(Counter.Builder builder, Tags tags) {
        Counter counter = builder.tags(tags).register(registry);
        FunctionCounter.builder(counter.getId().getName(), counter, Counter::count)
                .tags(tags).description(counter.getId().getDescription()).register(jmx);
        return counter;
    }

    private Timer timer(Timer.Builder builder, Tags tags) {
        Timer timer = builder.tags(tags).register(registry);
        FunctionTimer.builder(timer.getId().getName(), timer,
                        Timer::count, t -> t.totalTime(TimeUnit.SECONDS), TimeUnit.SECONDS)
                .tags(tags).description(timer.getId().getDescription()).register(jmx);
        return timer;
    }

    @Override
    protected void doStop() {
        jmx.close();
    }

    private record EndpointMeters(Counter requests, Counter errors, Timer latency) {

        void record(long nanos, boolean failed) {
            requests.increment();
            if (failed) {
                errors.increment();
            }
            latency.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private record BronzeMeters(Counter rows, Counter batches) {

        void record(long rowCount) {
            rows.increment(rowCount);
            batches.increment();
        }
    }
}
