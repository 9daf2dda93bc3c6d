package io.mgp.pipeline.cli;

import io.mgp.pipeline.engine.Engine;
import io.mgp.pipeline.engine.Engines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The engine {@code run} and {@code build} compute silver and gold with. */
final class EngineOptions {

    @Option(names = "--engine", paramLabel = "NAME",
            description = "duckdb (default) or spark: what builds silver and gold and runs their tests (the Spark engine is built by 'make spark').")
    String engine;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark's master for --engine spark: local[*] (default), local[2], spark://host:7077.")
    String sparkMaster;

    /** The flags given, as the settings they override. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (engine != null) {
            properties.put("mgp.engine", engine);
        }
        if (sparkMaster != null) {
            properties.put("mgp.spark.master", sparkMaster);
        }
        return properties;
    }

    /** The engine the flags or the settings name. */
    Engine open(UnaryOperator<String> settings) {
        Map<String, String> flags = properties();
        UnaryOperator<String> resolved = key -> flags.containsKey(key) ? flags.get(key) : settings.apply(key);
        return Engines.open(resolved.apply("mgp.engine"), resolved);
    }
}
