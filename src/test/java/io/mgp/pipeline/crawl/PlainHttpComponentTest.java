package io.mgp.pipeline.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.socket.ConnectionSocketFactory;
import org.apache.hc.client5.http.socket.PlainConnectionSocketFactory;
import org.apache.hc.core5.http.config.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainHttpComponentTest {

    @TempDir
    Path temp;

    @Test
    void itsConnectionsArePlainHttpWithNoTlsSocketFactory() {
        Registry<ConnectionSocketFactory> sockets = new PlainHttpComponent().createConnectionRegistry(null, null, false);

        assertInstanceOf(PlainConnectionSocketFactory.class, sockets.lookup("http"));
        assertNull(sockets.lookup("https"));
    }

    @Test
    void aRunCrawlsThroughItWithItsHttpSettings() throws Exception {
        Map<String, String> config = Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.lake", temp.resolve("lake").toString(),
                "mgp.port", "0", "mgp.concurrency", "5");
        try (CamelApp app = CamelApp.apiAndClient(config).start()) {
            assertTrue(app.run().requests() > 0);

            HttpComponent http = assertInstanceOf(PlainHttpComponent.class, app.context().getComponent("http", HttpComponent.class));
            assertEquals(5, http.getConnectionsPerRoute());
            assertEquals(5, http.getMaxTotalConnections());
            assertTrue(http.isSkipRequestHeaders());
        }
    }

    @Test
    void anHttpsApiIsCrawledThroughCamelsHttpsComponentWithTheSameSettings() throws Exception {
        Map<String, String> config = Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.lake", temp.resolve("lake").toString(),
                "mgp.port", "0", "mgp.concurrency", "5", "mgp.api-url", "https://127.0.0.1:1");
        try (CamelApp app = CamelApp.apiAndClient(config).start()) {
            HttpComponent https = app.context().getComponent("https", HttpComponent.class);

            assertEquals(HttpComponent.class, https.getClass(), "Camel's own, which speaks TLS");
            assertEquals(5, https.getConnectionsPerRoute());
            assertEquals(5, https.getMaxTotalConnections());
            assertTrue(https.isSkipRequestHeaders() && https.isSkipResponseHeaders());
            assertTrue(https.isAutomaticRetriesDisabled());
            assertEquals(5000, https.getConnectTimeout());
            assertEquals(10000, https.getResponseTimeout());
        }
    }
}
