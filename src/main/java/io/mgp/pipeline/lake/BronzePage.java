package io.mgp.pipeline.lake;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One API answer on its way to bronze: its rows, the request that fetched them,
 * and the crawl context (parent ids, season) that rows lacking those fields inherit.
 */
public record BronzePage(
        String table,
        String runId,
        String request,
        String fetchId,
        LocalDateTime fetchedAt,
        Map<String, Object> context,
        List<Map<String, Object>> rows) {

    /**
     * A row's value for a bronze column: the fetch's own metadata, else the API's field, else the crawl context's.
     * A season row is its own season, so its partition is its year.
     */
    public Object value(Map<String, Object> row, String column) {
        return switch (column) {
            case "_run_id" -> runId;
            case "_request" -> request;
            case "_fetch_id" -> fetchId;
            case "_fetched_at" -> fetchedAt;
            case "season" -> context.getOrDefault("season", row.get("year"));
            default -> {
                Object value = row.get(column);
                yield value != null ? value : context.get(column);
            }
        };
    }
}
