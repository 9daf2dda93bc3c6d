package io.mgp.pipeline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/** The observe endpoints of a running application, read over real HTTP; a scrape is parsed into its samples. */
final class Observe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    Observe(String port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/observe/metrics");
        assertEquals(200, response.statusCode(), response.body());
        return new Scrape(response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList());
    }

    /** The samples of one scrape in the Prometheus text format: {@code name{label="value",...} number}. */
    record Scrape(List<String> samples) {

        /** The value of the one sample of that name carrying all these labels ({@code endpoint="events"}). */
        double value(String name, String... labels) {
            List<String> matching = matching(name, labels);
            if (matching.size() != 1) {
                throw new AssertionError("expected one sample " + name + Arrays.toString(labels) + ", found " + matching);
            }
            String sample = matching.get(0);
            return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
        }

        /** {@link #value} of a counter or a count, as a whole number. */
        long count(String name, String... labels) {
            double value = value(name, labels);
            if (value != Math.rint(value)) {
                throw new AssertionError(name + Arrays.toString(labels) + " is not a count: " + value);
            }
            return (long) value;
        }

        List<String> matching(String name, String... labels) {
            return samples.stream()
                    .filter(sample -> sample.startsWith(name + "{") || sample.startsWith(name + " "))
                    .filter(sample -> Arrays.stream(labels).allMatch(sample::contains))
                    .toList();
        }
    }
}
