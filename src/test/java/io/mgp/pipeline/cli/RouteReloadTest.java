package io.mgp.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mgp.pipeline.TestSeeds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route reload as {@code make dev} (mvn camel:dev) runs it: routes load from the classpath, and a saved file of the
 * watched folder replaces its routes in the running application, without a restart.
 */
class RouteReloadTest {

    /** The file watcher polls every 2 s; on Linux the change is seen at once. */
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path routes;

    @Test
    void aSavedRouteFileChangesTheRunningApi() throws Exception {
        Path api = copyRouteFile("api.yaml");
        try (CamelApp app = serveWithReload()) {
            String home = "http://127.0.0.1:" + app.property("mgp.port") + "/";
            assertEquals("Local Open MotoGP DB", get(home).body());

            save(api, Files.readString(api).replace("Local Open MotoGP DB", "Reloaded MotoGP DB"));

            awaitBody(home, "Reloaded MotoGP DB");
            // the file's routes are replaced one by one: "/" may answer anew before /seasons is back
            assertEquals(200, await(home + "seasons", answer -> answer.statusCode() == 200).statusCode(),
                    "the file's other routes answer as before, within " + RELOAD_WAIT.toSeconds() + " s of saving the file");
        }
    }

    @Test
    void anotherCommandsRouteFileIsNotLoadedSoLaterReloadsStillWork() throws Exception {
        Path api = copyRouteFile("api.yaml");
        // crawl.yaml's routes need the crawl's beans, which serve does not bind: loading it would fail this reload
        // and, retried with each later one, every later reload too.
        Path crawl = copyRouteFile("crawl.yaml");
        try (CamelApp app = serveWithReload()) {
            String home = "http://127.0.0.1:" + app.property("mgp.port") + "/";

            save(crawl, Files.readString(crawl) + "\n# edited\n");
            save(api, Files.readString(api).replace("Local Open MotoGP DB", "Reloaded MotoGP DB"));

            awaitBody(home, "Reloaded MotoGP DB");
        }
    }

    /** {@code serve} on the small seeds, reloading the route files of the test's folder, as make dev sets it. */
    private CamelApp serveWithReload() throws Exception {
        return CamelApp.api(Map.of("mgp.seeds", TestSeeds.small().toString(), "mgp.port", "0",
                "camel.main.routes-reload-enabled", "true",
                "camel.main.routes-reload-directory", routes.toString())).start();
    }

    private Path copyRouteFile(String name) throws IOException {
        Path copy = routes.resolve(name);
        try (InputStream original = RouteReloadTest.class.getResourceAsStream("/routes/" + name)) {
            Files.copy(original, copy);
        }
        return copy;
    }

    /** Saves a file as editors do, whole: the watcher would otherwise see it empty, between truncation and write. */
    private static void save(Path file, String content) throws IOException {
        Path draft = file.resolveSibling(file.getFileName() + ".draft");
        Files.writeString(draft, content);
        Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitBody(String url, String expected) throws Exception {
        assertEquals(expected, await(url, answer -> expected.equals(answer.body())).body(),
                "within " + RELOAD_WAIT.toSeconds() + " s of saving the file");
    }

    /** The first answer that is {@code as} wanted, or the last one once {@link #RELOAD_WAIT} has passed. */
    private static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> as) throws Exception {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        HttpResponse<String> answer = get(url);
        while (!as.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = get(url);
        }
        return answer;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
