package io.mgp.pipeline.cli;

import io.mgp.pipeline.api.ApiHttpServer;
import io.mgp.pipeline.log.Redact;
import io.mgp.pipeline.log.RouteIdMdc;
import io.mgp.pipeline.log.RunLog;
import io.mgp.pipeline.run.ProgressDisplay;
import io.mgp.pipeline.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The Camel application a command runs: application.properties with the flags on top, and the parts it needs. */
public final class CamelApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CamelApp.class);

    private final Main main = new Main();
    private final RunReport report = new RunReport();
    private final String mode;

    CamelApp(Set<Part> parts, Map<String, String> properties) {
        if (parts.contains(Part.CLIENT)) {
            // Camel's start and the seeds loading are logged before the run's log file opens: it keeps them
            RunLog.collect();
        }
        main.addOverrideProperty("camel.main.routes-include-pattern",
                parts.stream().sorted().map(Part::routes).collect(Collectors.joining(",")));
        if (parts.contains(Part.API)) {
            main.addMainListener(new ApiServerSetup());
        } else {
            main.addOverrideProperty("camel.management.enabled", "false");
        }
        main.addInitialProperty("mgp.concurrency", String.valueOf(4 * Runtime.getRuntime().availableProcessors()));
        properties.forEach(main::addOverrideProperty);
        if ("0".equals(properties.get("mgp.port"))) {
            main.addOverrideProperty("mgp.port", String.valueOf(freePort()));
        }
        main.configure().addConfiguration(new PipelineBeans(parts, report));
        mode = parts.contains(Part.API) ? "serve and crawl" : "crawl";
    }

    /**
     * Adds the API's HTTP server before Camel Main sets up its management server ({@code /observe}), which then
     * shares the API's server and port instead of opening its own.
     */
    private static final class ApiServerSetup extends MainListenerSupport {
        @Override
        public void beforeConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            String host = property(context, "mgp.host");
            int port = Integer.parseInt(property(context, "mgp.port"));
            ApiHttpServer.requireFreePort(host, port);
            try {
                context.addService(new ApiHttpServer(host, port), true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot add the API's HTTP server", e);
            }
        }
    }

    /** Port 0 asks for any free port; Camel needs the number itself, since the crawl's API URL is made from it. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback address", e);
        }
    }

    /** The API and the crawl in one application, as {@code run} starts them. */
    public static CamelApp apiAndClient(Map<String, String> properties) {
        return new CamelApp(Set.of(Part.API, Part.CLIENT), properties);
    }

    /** The API alone, as {@code serve} starts it. */
    public static CamelApp api(Map<String, String> properties) {
        return new CamelApp(Set.of(Part.API), properties);
    }

    /** The crawl alone, against the API at {@code mgp.api-url}. */
    public static CamelApp client(Map<String, String> properties) {
        return new CamelApp(Set.of(Part.CLIENT), properties);
    }

    public CamelApp start() throws Exception {
        main.start();
        return this;
    }

    /** Runs until the JVM is asked to stop (Ctrl-C, SIGTERM), then shuts down gracefully; {@code started} runs once up. */
    void runUntilStopped(Runnable started) throws Exception {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport main) {
                started.run();
            }
        });
        main.run();
    }

    /** Where the API this application serves listens, such as {@code http://127.0.0.1:8889}. */
    public String apiAddress() {
        String host = property("mgp.host");
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + property("mgp.port");
    }

    /** What the run did, or has done so far. */
    public RunReport report() {
        return report;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Crawls the API into the lake and builds silver and gold; a failure in the routes is thrown here. */
    public RunReport run() {
        Path lake = Path.of(property("mgp.lake")).toAbsolutePath();
        try (RunLog log = RunLog.open(lake, report.runId(), report::currentStage);
             ProgressDisplay progress = ProgressDisplay.start(context())) {
            LOG.info("Run started: {}, lake {}, API {}", mode, lake, Redact.url(property("mgp.api-url")));
            ProducerTemplate producer = context().createProducerTemplate();
            try {
                return producer.requestBody("direct:run", null, RunReport.class);
            } catch (RuntimeException e) {
                // The run may have ended on a crawl thread: the route id this thread last had is not the failure's.
                MDC.remove(RouteIdMdc.KEY);
                report.stage(null);
                LOG.error(RunLog.FILE_ONLY, "Run failed: {}", Errors.describe(e), e);
                throw e;
            } finally {
                MDC.remove(RouteIdMdc.KEY);
                producer.stop();
            }
        }
    }

    /** A configuration value as the application sees it: application.properties, then flags, -D and environment. */
    public String property(String key) {
        return property(context(), key);
    }

    static String property(CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    @Override
    public void close() throws Exception {
        main.stop();
    }
}
