package io.mgp.pipeline.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsOnDemandHttpComponentTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path temp;

    @Test
    void aRunsHttpComponentHasItsSettingsAndSetsUpNoTlsToCrawlPlainHttp() throws Exception {
        Map<String, String> config = Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.lake", temp.resolve("lake").toString(),
                "mgp.port", "0", "mgp.concurrency", "5");
        try (CamelApp app = CamelApp.apiAndClient(config).start()) {
            app.run();

            HttpComponent http = app.context().getComponent("http", HttpComponent.class);
            TlsOnDemandHttpComponent onDemand = assertInstanceOf(TlsOnDemandHttpComponent.class, http);
            assertEquals(5, http.getConnectionsPerRoute());
            assertEquals(5, http.getMaxTotalConnections());
            assertTrue(http.isSkipRequestHeaders());
            assertFalse(onDemand.isTlsSetUp(), "a crawl over http set up TLS");
        }
    }

    @Test
    void anHttpsRequestSetsUpTlsWithTheComponentsSslSettings() throws Exception {
        Path keyStore = selfSignedKeyStore();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
        server.createContext("/answer", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        TlsOnDemandHttpComponent https = new TlsOnDemandHttpComponent();
        https.setSslContextParameters(trusting(keyStore));
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("https", https);
            context.start();
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/answer";
            context.getEndpoint(url);
            assertFalse(https.isTlsSetUp(), "TLS was set up before any request");

            ProducerTemplate producer = context.createProducerTemplate();
            assertEquals("ok", producer.requestBody(url, null, String.class));
            assertTrue(https.isTlsSetUp());
        } finally {
            server.stop(0);
        }
    }

    /** A key store with a key pair and a certificate for 127.0.0.1, made by the JDK's keytool. */
    private Path selfSignedKeyStore() throws Exception {
        Path keyStore = temp.resolve("api.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-alias", "api", "-keyalg", "EC",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "1").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        return keyStore;
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContextParameters trusting(Path keyStore) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + keyStore);
        store.setType("PKCS12");
        store.setPassword(PASSWORD);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
