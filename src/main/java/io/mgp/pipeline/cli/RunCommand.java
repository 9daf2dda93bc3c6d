package io.mgp.pipeline.cli;

import io.mgp.pipeline.docs.LakeDocs;
import io.mgp.pipeline.log.LogSetup;
import io.mgp.pipeline.metrics.MetricsFile;
import io.mgp.pipeline.run.RunReport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start the API on the seeds, crawl it, write the lake and print a summary (the default command).")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Option(names = "--lake", paramLabel = "DIR", description = "Folder the lake is written to (default: lake).")
    private String lake;

    @Option(names = "--api-url", paramLabel = "URL", description = "Crawl the API at this URL instead of starting one.")
    private String apiUrl;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (default: 4 per core).")
    private Integer concurrency;

    @Option(names = "--tasks", paramLabel = "N",
            description = "Fetch at most N pending classification tasks, newest season first (default: all).")
    private Integer tasks;

    @Option(names = "--full-refresh",
            description = "Delete bronze, silver, gold and the state, then crawl everything again.")
    private boolean fullRefresh;

    @Option(names = "--max-rps", paramLabel = "R", description = "Make at most R requests a second (default: no limit).")
    private Integer maxRps;

    @Option(names = "--project", paramLabel = "DIR",
            description = "A folder with models/ and tests/ to use instead of the built-in models.")
    private String project;

    @Option(names = {"-q", "--quiet"}, description = "Show no progress while the run goes, only the summary.")
    private boolean quiet;

    @Mixin
    private ConsoleOptions console;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        Map<String, String> properties = new HashMap<>();
        server.putInto(properties);
        put(properties, "mgp.lake", lake);
        put(properties, "mgp.project", project);
        properties.putAll(engine.properties());
        if (concurrency != null && concurrency < 1) {
            throw new ParameterException(command.commandLine(), "--concurrency must be at least 1, got " + concurrency);
        }
        put(properties, "mgp.concurrency", concurrency == null ? null : concurrency.toString());
        if (tasks != null && tasks < 0) {
            throw new ParameterException(command.commandLine(), "--tasks must be 0 or more, got " + tasks);
        }
        put(properties, "mgp.tasks", tasks == null ? null : tasks.toString());
        if (fullRefresh) {
            properties.put("mgp.full-refresh", "true");
        }
        if (maxRps != null && maxRps < 1) {
            throw new ParameterException(command.commandLine(), "--max-rps must be at least 1, got " + maxRps);
        }
        put(properties, "mgp.max-rps", maxRps == null ? null : maxRps.toString());
        if (quiet) {
            properties.put("mgp.progress", "false");
        }
        if (apiUrl != null) {
            properties.put("mgp.api-url", ApiUrl.check(command.commandLine(), apiUrl));
        }
        if (System.getProperty(LogSetup.ACCESS_LOG_LEVEL) == null) {
            // the summary counts requests; a line for each of thousands would bury it
            System.setProperty(LogSetup.ACCESS_LOG_LEVEL, "OFF");
        }
        CamelApp app = apiUrl == null ? CamelApp.apiAndClient(properties) : CamelApp.client(properties);
        try (app) {
            app.start();
            Path lake = Path.of(app.property("mgp.lake")).toAbsolutePath();
            RunReport report;
            try {
                report = app.run();
            } catch (RuntimeException e) {
                MetricsFile.write(app.report(), lake, Errors.describe(e));
                throw e;
            }
            MetricsFile.write(report, lake, null);
            LakeDocs docs = app.context().getRegistry().lookupByNameAndType(LakeDocs.BEAN, LakeDocs.class);
            Summary summary = new Summary(report, app.property("mgp.api-url"), lake, docs.exists() ? docs.folder().toAbsolutePath() : null);
            command.commandLine().getOut().print(summary.render());
            command.commandLine().getOut().flush();
            return finished(report);
        }
    }

    /** 0 when the run did everything; otherwise 1, with one line saying what is left for the next run. */
    private int finished(RunReport report) {
        int failed = report.failures().size();
        if (failed > 0) {
            command.commandLine().getErr().println(Cli.NAME + ": " + failed + (failed == 1 ? " part" : " parts")
                    + " of the crawl failed even after retries (listed above); run again to retry them");
        }
        if (QualitySummary.failed(report)) {
            command.commandLine().getErr().println(Cli.NAME + ": " + QualitySummary.failure(report));
        }
        return failed > 0 || QualitySummary.failed(report) ? 1 : 0;
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
