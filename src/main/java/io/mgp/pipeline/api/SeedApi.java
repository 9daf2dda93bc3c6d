package io.mgp.pipeline.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Header;

/** The answers of the emulated MotoGP API, one method per endpoint, each naming the query parameters it needs. */
public final class SeedApi {

    /** Longer ids than this cannot be in the seeds; they are refused rather than looked up. */
    static final int MAX_ID_LENGTH = 256;

    private final SeedStore seeds;

    public SeedApi(String seedsFolder) {
        this.seeds = new SeedStore(Path.of(seedsFolder));
    }

    public SeedStore store() {
        return seeds;
    }

    public byte[] seasons() {
        return rows(SeedTable.SEASONS);
    }

    public byte[] events(@Header("season_id") Object seasonId) {
        return rows(SeedTable.EVENTS, seasonId);
    }

    public byte[] categories(@Header("event_id") Object eventId) {
        return rows(SeedTable.CATEGORIES, eventId);
    }

    public byte[] sessions(@Header("event_id") Object eventId, @Header("category_id") Object categoryId) {
        return rows(SeedTable.SESSIONS, eventId, categoryId);
    }

    public byte[] classification(@Header("session_id") Object sessionId) {
        return rows(SeedTable.CLASSIFICATIONS, sessionId);
    }

    private byte[] rows(SeedTable table, Object... parameters) {
        List<String> key = new ArrayList<>(parameters.length);
        for (int i = 0; i < parameters.length; i++) {
            key.add(requiredId(table.keyFields().get(i), parameters[i]));
        }
        return seeds.rows(table, key);
    }

    private static String requiredId(String name, Object value) {
        if (value instanceof Iterable<?>) {
            throw new BadRequestException("query parameter " + name + " must be given once");
        }
        if (value == null || value.toString().isBlank()) {
            throw new BadRequestException("query parameter " + name + " is required");
        }
        String id = value.toString();
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequestException("query parameter " + name + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }
}
