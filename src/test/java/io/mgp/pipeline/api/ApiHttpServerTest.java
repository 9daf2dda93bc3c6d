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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiHttpServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void stoppingTheApiClosesItsPortAndItsVertxThreads() throws Exception {
        Set<Thread> before = vertxThreads();
        CamelApp app = CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0")).start();
        URI home = URI.create("http://" + app.property("mgp.host") + ":" + app.property("mgp.port") + "/");
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        assertFalse(started(before).isEmpty(), "the server runs on Vert.x threads");

        app.close();

        // a new client: the old one's pooled connection would fail otherwise, and prove nothing
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(home).build(), HttpResponse.BodyHandlers.discarding()));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!started(before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(started(before).isEmpty(), () -> "still running: " + started(before));
    }

    /** The Vert.x threads alive now that were not before. */
    private static List<String> started(Set<Thread> before) {
        return vertxThreads().stream().filter(thread -> !before.contains(thread)).map(Thread::getName).toList();
    }

    private static Set<Thread> vertxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> thread.getName().startsWith("vert.x-") || thread.getName().startsWith("vertx-"))
                .collect(Collectors.toSet());
    }
}
