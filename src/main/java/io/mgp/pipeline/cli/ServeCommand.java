package io.mgp.pipeline.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the emulated MotoGP API on the seeds until stopped (Ctrl-C or SIGTERM).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private ServerOptions server;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: 127.0.0.1).")
    private String host;

    @Override
    public Integer call() throws Exception {
        Map<String, String> properties = new HashMap<>();
        server.putInto(properties);
        if (host != null) {
            properties.put("mgp.host", host);
        }
        CamelApp.api(properties).runUntilStopped();
        return 0;
    }
}
