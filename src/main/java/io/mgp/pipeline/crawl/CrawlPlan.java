package io.mgp.pipeline.crawl;

import io.mgp.pipeline.state.StateDb;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.ExchangeProperty;

/**
 * What a run fetches, from the state of earlier runs: seasons discovered in full are skipped (except the latest,
 * which may gain events); sessions whose classification bronze holds are not fetched again; and with a task
 * limit, classifications wait for discovery to end and are then fetched newest season first, at most that many.
 */
public final class CrawlPlan {

    /** {@link #queuedAfterDiscovery} while discovery goes on. */
    private static final long DISCOVERING = -1;

    private final StateDb state;
    private final String runId;
    private final Integer taskLimit;
    private Set<String> discoveredSeasons = Set.of();
    private volatile Set<String> finishedTasks = Set.of();
    private volatile String latestSeason;
    /** Season id to year, which a season may lack. */
    private final Map<String, Optional<String>> discoveredNow = new ConcurrentHashMap<>();
    // What a run's progress counts its tasks from: those fetched as discovered, then those left in the queue.
    private final LongAdder fetchedInDiscovery = new LongAdder();
    private volatile long queuedAfterDiscovery = DISCOVERING;

    /** @param taskLimit the most tasks a run fetches, or null for all */
    public CrawlPlan(StateDb state, String runId, Integer taskLimit) {
        this.state = state;
        this.runId = runId;
        this.taskLimit = taskLimit;
    }

    /** Reads what earlier runs left; called as a run starts. */
    public void begin() throws SQLException {
        discoveredSeasons = column("sql/state/discovered-seasons.sql");
        finishedTasks = column("sql/state/finished-tasks.sql");
        discoveredNow.clear();
        fetchedInDiscovery.reset();
        queuedAfterDiscovery = DISCOVERING;
    }

    /**
     * Notes the latest season of the API's seasons answer (a JSON array of {id, year}). A season without a numeric
     * year is still crawled and stored; the data tests on silver.seasons report it.
     */
    public void seasons(List<Map<String, Object>> seasons) {
        OptionalInt latest = seasons.stream().map(s -> String.valueOf(s.get("year"))).filter(year -> year.matches("\\d{1,9}"))
                .mapToInt(Integer::parseInt).max();
        latestSeason = latest.isPresent() ? String.valueOf(latest.getAsInt()) : null;
    }

    /** Whether this run discovers the season's events, categories and sessions. */
    public boolean discovers(@ExchangeProperty("season_id") String seasonId, @ExchangeProperty("season") String season) {
        return Objects.equals(season, latestSeason) || !discoveredSeasons.contains(seasonId);
    }

    /** The season's discovery ended without an error; it becomes durable with {@link #settle()}. */
    public void discovered(@ExchangeProperty("season_id") String seasonId, @ExchangeProperty("season") String season) {
        discoveredNow.put(seasonId, Optional.ofNullable(season));
    }

    /**
     * Records the seasons discovered in full by this run, and counts the tasks left for the tasks stage; called once
     * every answer of discovery is in bronze.
     */
    public void settle() throws SQLException {
        for (Map.Entry<String, Optional<String>> season : discoveredNow.entrySet()) {
            state.update("sql/state/season-discovered.sql", season.getKey(), season.getValue().orElse(null), runId);
        }
        queuedAfterDiscovery = queuedTasks();
    }

    /** Whether a session's classification is fetched as soon as the session is discovered. */
    public boolean fetchesNow(@ExchangeProperty("session_id") String sessionId) {
        boolean now = taskLimit == null && !finishedTasks.contains(sessionId);
        if (now) {
            fetchedInDiscovery.increment();
        }
        return now;
    }

    /**
     * The tasks this run fetches, as far as known: those fetched as discovered so far, and once discovery is over
     * (see {@link #discoveryOver()}), those the queue still holds, at most the task limit.
     */
    public long tasksThisRun() {
        return fetchedInDiscovery.sum() + Math.max(queuedAfterDiscovery, 0);
    }

    /** Whether discovery is over, so that {@link #tasksThisRun()} is final. */
    public boolean discoveryOver() {
        return queuedAfterDiscovery != DISCOVERING;
    }

    /** The most tasks the run fetches from the queue, or null for all. */
    public Integer taskLimit() {
        return taskLimit;
    }

    /** How the run was asked to go, as the runs table records it. */
    public String mode() {
        return taskLimit == null ? "full" : "incremental";
    }

    /** The tasks the tasks stage will fetch: pending or failed, as sql/state/pending-tasks.sql selects them. */
    private long queuedTasks() throws SQLException {
        long queued = 0;
        for (Object[] row : state.query("sql/state/task-counts.sql")) {
            if ("pending".equals(row[0]) || "failed".equals(row[0])) {
                queued += ((Number) row[1]).longValue();
            }
        }
        return taskLimit == null ? queued : Math.min(queued, taskLimit);
    }

    private Set<String> column(String resource) throws SQLException {
        Set<String> values = ConcurrentHashMap.newKeySet();
        for (Object[] row : state.query(resource)) {
            values.add(String.valueOf(row[0]));
        }
        return values;
    }
}
