package io.mgp.pipeline.lake;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * One API answer on its way to bronze: its JSON body as received (UTF-8 bytes) and how many rows it has, the request
 * that fetched it, and the crawl context (parent ids, season) that rows lacking those fields inherit.
 */
public record BronzePage(
        String table,
        String runId,
        String request,
        String fetchId,
        LocalDateTime fetchedAt,
        Map<String, Object> context,
        byte[] body,
        int rows) {

    /** The page's value for a text column of {@code sql/lake/bronze-pages.sql}: its ids and the crawl's context. */
    public Object value(String column) {
        return switch (column) {
            case "_run_id" -> runId;
            case "_request" -> request;
            case "_fetch_id" -> fetchId;
            default -> context.get(column);
        };
    }
}
