package io.mgp.pipeline.crawl;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static io.mgp.pipeline.LakeAssertions.tableCount;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl against a server that answers like the original Go server (sname only, text/plain). */
class OriginalServerCompatibilityTest {

    @TempDir
    Path lake;

    @Test
    void crawlOfAServerWithoutShortNameAndPlainTextStillFillsGold() throws Exception {
        Path seeds = TestSeeds.small();
        try (CamelApp api = CamelApp.api(Map.of("mgp.seeds", seeds.toString(), "mgp.port", "0")).start();
             RewritingProxy original = RewritingProxy.originalGoServer("http://127.0.0.1:" + api.property("mgp.port"));
             CamelApp client = CamelApp.client(Map.of("mgp.api-url", original.url(), "mgp.lake", lake.toString())).start()) {
            client.run();
        }
        assertGoldMatchesSeeds(lake, seeds);
        assertEquals(0, tableCount(lake, "SELECT count(*) FROM silver.events WHERE sname IS NULL", "silver.events"),
                "sname comes through without short_name");
    }
}
