package io.mgp.pipeline.cli;

import io.mgp.pipeline.api.FaultSpec;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The flags of the emulated API, shared by {@code run} and {@code serve}. */
final class ServerOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Folder of seed parquet files the API serves (default: seeds).")
    private String seeds;

    @Option(names = "--port", paramLabel = "N", description = "Port of the API (default: 8889; 0 = any free port).")
    private Integer port;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Make the API's data endpoints misbehave on purpose, "
            + "e.g. error=0.1,throttle=2000,malformed=0.01,drop=0.01,latency=5ms,jitter=20ms,seed=42 (default: none).")
    private String faults;

    /** Adds the given flags to {@code properties}. */
    void putInto(Map<String, String> properties) {
        if (seeds != null) {
            properties.put("mgp.seeds", seeds);
        }
        if (port != null) {
            if (port < 0 || port > 65_535) {
                throw new ParameterException(command.commandLine(), "--port must be between 0 and 65535, got " + port);
            }
            properties.put("mgp.port", String.valueOf(port));
        }
        if (faults != null) {
            try {
                FaultSpec.parse(faults);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), "--faults: " + e.getMessage());
            }
            properties.put("mgp.faults", faults);
        }
    }
}
