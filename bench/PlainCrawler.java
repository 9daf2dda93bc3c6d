import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The benchmark's baseline: the crawl a developer would write by hand, with no framework. The JDK's HttpClient keeps
 * CONCURRENCY requests in flight; every answer is parsed with Jackson to find the next level's ids and kept in memory;
 * at the end DuckDB unnests the answers and writes gold as one parquet file. No retries, no state, no bronze.
 *
 * Usage: java -cp pipeline.jar:CLASSES PlainCrawler API_URL GOLD_PARQUET   (prints requests and gold rows)
 */
public final class PlainCrawler {

    private static final int CONCURRENCY = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Semaphore inFlight = new Semaphore(CONCURRENCY);
    private final String api;
    private final Map<String, ConcurrentLinkedQueue<String>> answers = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    private PlainCrawler(String api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        PlainCrawler crawler = new PlainCrawler(args[0]);
        crawler.get("seasons", "seasons", "").thenCompose(crawler::seasons).join();
        long rows = crawler.writeGold(args[1]);
        System.out.printf("Requests %d%nGold %d rows%n", crawler.requests.get(), rows);
    }

    private CompletableFuture<Void> seasons(JsonNode seasons) {
        return each(seasons, season -> get("events", "events", "?season_id=" + season.get("id").asText())
                .thenCompose(events -> each(events, event -> get("categories", "categories", "?event_id=" + event.get("id").asText())
                        .thenCompose(categories -> each(categories, category -> get("sessions", "sessions",
                                "?event_id=" + event.get("id").asText() + "&category_id=" + category.get("id").asText())
                                .thenCompose(sessions -> each(sessions, session -> get("classification", "classifications",
                                        "?session_id=" + session.get("id").asText()).thenApply(results -> null))))))));
    }

    private CompletableFuture<Void> each(JsonNode rows, java.util.function.Function<JsonNode, CompletableFuture<?>> next) {
        List<CompletableFuture<?>> all = new java.util.ArrayList<>();
        rows.forEach(row -> all.add(next.apply(row)));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** GETs one endpoint, keeps the answer under its table and parses it. */
    private CompletableFuture<JsonNode> get(String endpoint, String table, String query) {
        inFlight.acquireUninterruptibly();
        requests.incrementAndGet();
        return http.sendAsync(HttpRequest.newBuilder(URI.create(api + "/" + endpoint + query)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .whenComplete((answer, failure) -> inFlight.release())
                .thenApply(answer -> {
                    answers.computeIfAbsent(table, t -> new ConcurrentLinkedQueue<>()).add(answer.body());
                    try {
                        return JSON.readTree(answer.body());
                    } catch (Exception e) {
                        throw new IllegalStateException(endpoint + query + ": " + e.getMessage(), e);
                    }
                });
    }

    private long writeGold(String file) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            for (Map.Entry<String, ConcurrentLinkedQueue<String>> table : answers.entrySet()) {
                sql.execute("CREATE TABLE " + table.getKey() + "_json (body VARCHAR)");
                try (DuckDBAppender appender = ((DuckDBConnection) duck).createAppender("main", table.getKey() + "_json")) {
                    for (String body : table.getValue()) {
                        appender.beginRow();
                        appender.append(body);
                        appender.endRow();
                    }
                }
                sql.execute("CREATE TABLE " + table.getKey() + " AS SELECT unnest(CAST(body AS JSON[])) AS r FROM "
                        + table.getKey() + "_json");
            }
            sql.execute("COPY (SELECT s.r->>'year' AS year, e.r->>'name' AS event_name, coalesce(e.r->>'sname', e.r->>'short_name') AS event_short_name,"
                    + " c.r->>'name' AS category, se.r->>'name' AS session, cl.r->>'name' AS rider_name,"
                    + " CAST(cl.r->>'number' AS INTEGER) AS rider_number, CAST(cl.r->>'position' AS INTEGER) AS position,"
                    + " CAST(cl.r->>'points' AS INTEGER) AS points"
                    + " FROM classifications cl"
                    + " LEFT JOIN seasons s ON s.r->>'id' = cl.r->>'season_id'"
                    + " LEFT JOIN events e ON e.r->>'id' = cl.r->>'event_id'"
                    + " LEFT JOIN categories c ON c.r->>'id' = cl.r->>'category_id' AND c.r->>'event_id' = cl.r->>'event_id'"
                    + " LEFT JOIN sessions se ON se.r->>'id' = cl.r->>'session_id')"
                    + " TO '" + file.replace("'", "''") + "' (FORMAT parquet)");
            try (var count = sql.executeQuery("SELECT count(*) FROM read_parquet('" + file.replace("'", "''") + "')")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
