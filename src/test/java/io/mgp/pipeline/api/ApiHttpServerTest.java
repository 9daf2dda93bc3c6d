package io.mgp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.cli.CamelApp;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiHttpServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void stoppingTheApiClosesItsPortAndItsVertxThreads() throws Exception {
        CamelApp app = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0")).start();
        URI home = URI.create("http://" + app.property("mgp.host") + ":" + app.property("mgp.port") + "/");
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertFalse(vertxThreads().isEmpty(), "the server runs on Vert.x threads");

        app.close();

        assertThrows(ConnectException.class,
                () -> HTTP.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding()));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!vertxThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(vertxThreads().isEmpty(), () -> "still running: " + vertxThreads());
    }

    private static List<String> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("vert.x-"))
                .toList();
    }
}
