package io.mgp.pipeline.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/** A loopback server in front of our API that rewrites its answers: another server, as a client would meet it. */
final class RewritingProxy implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new body for an answer, given the request's path and query and the API's body. */
    interface Rewrite {
        byte[] body(String request, byte[] body) throws IOException;
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String upstream;
    private final Rewrite rewrite;
    private final String contentType;

    /** Answers like the original project's Go server: the same JSON but without {@code short_name}, as {@code text/plain}. */
    static RewritingProxy originalGoServer(String upstream) throws IOException {
        return new RewritingProxy(upstream, "text/plain; charset=utf-8", (request, body) -> {
            if (body.length == 0 || body[0] != '[') {
                return body;
            }
            JsonNode rows = JSON.readTree(body);
            rows.forEach(row -> ((ObjectNode) row).remove("short_name"));
            return JSON.writeValueAsBytes(rows);
        });
    }

    RewritingProxy(String upstream, String contentType, Rewrite rewrite) throws IOException {
        this.upstream = upstream;
        this.contentType = contentType;
        this.rewrite = rewrite;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpResponse<byte[]> answer = client.send(
                    HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = answer.statusCode() == 200 ? rewrite.body(exchange.getRequestURI().toString(), answer.body()) : answer.body();
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(answer.statusCode(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
