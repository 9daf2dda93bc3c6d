package io.mgp.pipeline;

import io.mgp.pipeline.cli.CamelApp;
import io.mgp.pipeline.run.RunReport;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A whole run in this JVM, API and crawl as `run` starts them, on a free port. */
public final class TestRuns {

    private TestRuns() {
    }

    /** Runs on the seeds into the lake; properties come as key, value pairs on top. */
    public static RunReport run(Path seeds, Path lake, String... properties) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("mgp.seeds", seeds.toString(), "mgp.lake", lake.toString(), "mgp.port", "0"));
        for (int i = 0; i < properties.length; i += 2) {
            config.put(properties[i], properties[i + 1]);
        }
        try (CamelApp app = CamelApp.apiAndClient(config).start()) {
            return app.run();
        }
    }
}
