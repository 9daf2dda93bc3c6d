package io.mgp.pipeline.api;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/**
 * The answers of the emulated MotoGP API, one method per endpoint.
 * Parameters are read from the raw query string, not from Camel headers, because platform-http also copies
 * request headers into those (and matches their names regardless of case).
 * Answers are ByteBuffers because platform-http-vertx writes those straight to the socket, while a byte[]
 * would be streamed through a blocking worker, costing milliseconds per request.
 */
public final class SeedApi {

    /** Longer ids than this cannot be in the seeds; they are refused rather than looked up. */
    static final int MAX_ID_LENGTH = 256;

    private final CompletableFuture<SeedStore> loading;

    /**
     * Checks that the seed files are there, then checks their columns and reads them on another thread, so that Camel
     * starts up meanwhile (DuckDB's library loads and its first queries run there too); see {@link #awaitSeeds()}.
     */
    public SeedApi(String seedsFolder) {
        Path folder = Path.of(seedsFolder);
        SeedStore.requireFiles(folder);
        this.loading = CompletableFuture.supplyAsync(() -> new SeedStore(folder), SeedApi::startDaemon);
    }

    /** Waits until the seeds are in memory; a seeds problem (missing file or column) is thrown here. */
    public SeedStore awaitSeeds() {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "seed-loader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The seed table a method of this bean answers from, by the method's name as the API's routes call it. */
    public static Optional<SeedTable> tableAnsweredBy(String method) {
        return Optional.ofNullable(switch (method) {
            case "seasons" -> SeedTable.SEASONS;
            case "events" -> SeedTable.EVENTS;
            case "categories" -> SeedTable.CATEGORIES;
            case "sessions" -> SeedTable.SESSIONS;
            case "classification" -> SeedTable.CLASSIFICATIONS;
            default -> null;
        });
    }

    public ByteBuffer seasons() {
        return ByteBuffer.wrap(awaitSeeds().rows(SeedTable.SEASONS, List.of()));
    }

    public ByteBuffer events(@Header(Exchange.HTTP_RAW_QUERY) String query) {
        return rows(SeedTable.EVENTS, query);
    }

    public ByteBuffer categories(@Header(Exchange.HTTP_RAW_QUERY) String query) {
        return rows(SeedTable.CATEGORIES, query);
    }

    public ByteBuffer sessions(@Header(Exchange.HTTP_RAW_QUERY) String query) {
        return rows(SeedTable.SESSIONS, query);
    }

    public ByteBuffer classification(@Header(Exchange.HTTP_RAW_QUERY) String query) {
        return rows(SeedTable.CLASSIFICATIONS, query);
    }

    /** The rows whose key fields equal the query's parameters of the same names. */
    private ByteBuffer rows(SeedTable table, String query) {
        Map<String, List<String>> parameters = parse(query);
        List<String> key = new ArrayList<>(table.keyFields().size());
        for (String name : table.keyFields()) {
            key.add(requiredId(name, parameters.get(name)));
        }
        return ByteBuffer.wrap(awaitSeeds().rows(table, key));
    }

    private static Map<String, List<String>> parse(String query) {
        try {
            return new QueryStringDecoder(query == null ? "" : query, StandardCharsets.UTF_8, false).parameters();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query string is not valid: " + e.getMessage());
        }
    }

    private static String requiredId(String name, List<String> values) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new BadRequestException("query parameter " + name + " is required");
        }
        if (values.size() > 1) {
            throw new BadRequestException("query parameter " + name + " must be given once");
        }
        String id = values.get(0);
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("query parameter " + name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }
}
