package io.mgp.pipeline.cli;

import io.mgp.pipeline.api.SeedApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the emulated MotoGP API on the seeds until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Mixin
    private ServerOptions server;

    @Mixin
    private ConsoleOptions console;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: 127.0.0.1).")
    private String host;

    @Option(names = "--lake", paramLabel = "DIR", description = "The lake whose docs site is served at /docs (default: lake).")
    private String lake;

    @Override
    public Integer call() throws Exception {
        Map<String, String> properties = new HashMap<>();
        server.putInto(properties);
        if (host != null) {
            properties.put("mgp.host", host);
        }
        if (lake != null) {
            properties.put("mgp.lake", lake);
        }
        CamelApp app = CamelApp.api(properties);
        app.runUntilStopped(() -> banner(app));
        return 0;
    }

    /** Where the API is, once it answers: with --port 0, the port it got. */
    private void banner(CamelApp app) {
        String address = app.apiAddress();
        SeedApi seeds = app.context().getRegistry().lookupByNameAndType("seedApi", SeedApi.class);
        PrintWriter out = command.commandLine().getOut();
        out.printf("Serving the emulated MotoGP API at %s%n", address);
        out.printf("  Seeds      %s: %s%n", Path.of(app.property("mgp.seeds")).toAbsolutePath(), seeds.awaitSeeds());
        out.printf("  Endpoints  %s/seasons, /events?season_id=, /categories?event_id=, /sessions?event_id=&category_id=,"
                + " /classification?session_id=%n", address);
        out.printf("  Health     %s/observe/health%n", address);
        out.printf("  Metrics    %s/observe/metrics%n", address);
        out.printf("  Docs       %s/docs/ (the site 'docs --lake %s' writes)%n", address, app.property("mgp.lake"));
        out.printf("Ctrl-C stops it. One line per request follows (-Dmgp.access-log=OFF turns them off).%n");
        out.flush();
    }
}
