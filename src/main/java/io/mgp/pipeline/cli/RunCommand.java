package io.mgp.pipeline.cli;

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

    @Override
    public Integer call() throws Exception {
        Map<String, String> properties = new HashMap<>();
        server.putInto(properties);
        put(properties, "mgp.lake", lake);
        if (concurrency != null && concurrency < 1) {
            throw new ParameterException(command.commandLine(), "--concurrency must be at least 1, got " + concurrency);
        }
        put(properties, "mgp.concurrency", concurrency == null ? null : concurrency.toString());
        if (apiUrl != null) {
            properties.put("mgp.api-url", ApiUrl.check(command.commandLine(), apiUrl));
        }
        if (System.getProperty("mgp.access-log") == null) {
            // the summary counts requests; a line for each of thousands would bury it
            System.setProperty("mgp.access-log", "OFF");
        }
        CamelApp app = apiUrl == null ? CamelApp.apiAndClient(properties) : CamelApp.client(properties);
        try (app) {
            RunReport report = app.start().run();
            Summary summary = new Summary(report, app.property("mgp.api-url"), Path.of(app.property("mgp.lake")).toAbsolutePath());
            command.commandLine().getOut().print(summary.render());
            command.commandLine().getOut().flush();
        }
        return 0;
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }
}
