package io.mgp.pipeline.state;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.run.RunReport;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.MDC;

/** The task queue's figures: tasks by status, as the state holds them. */
public final class TaskQueue {

    public static final String[] STATUSES = {"pending", "done", "empty", "failed"};

    private final StateDb state;
    private final RunReport report;

    public TaskQueue(StateDb state, RunReport report) {
        this.state = state;
        this.report = report;
    }

    /** Tasks in one status, for a gauge read at any time: unknown (NaN) while the state cannot be read. */
    public double count(String status) {
        try {
            return counts().get(status);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    /** Tasks by status, every status present (zero when none). */
    public Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String status : STATUSES) {
            counts.put(status, 0L);
        }
        for (Object[] row : state.query("sql/state/task-counts.sql")) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Marks a task failed, with its error, once its fetch failed even after retries; the run goes on without it,
     * and the next run fetches it again.
     */
    public void failed(@ExchangeProperty("session_id") String sessionId, @ExchangeProperty("season") String season,
            @ExchangeProperty("season_id") String seasonId, @ExchangeProperty("event_id") String eventId,
            @ExchangeProperty("category_id") String categoryId,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception failure) throws SQLException {
        String error = PipelineException.firstLine(failure);
        state.update("sql/state/task-failed.sql", sessionId, season, seasonId, eventId, categoryId, error, report.runId());
        // the run log's line about it names the task's ids
        try (MDC.MDCCloseable seasonMdc = MDC.putCloseable("season_id", seasonId);
             MDC.MDCCloseable eventMdc = MDC.putCloseable("event_id", eventId);
             MDC.MDCCloseable categoryMdc = MDC.putCloseable("category_id", categoryId);
             MDC.MDCCloseable sessionMdc = MDC.putCloseable("session_id", sessionId)) {
            report.failed("task " + sessionId, error);
        }
    }

    /** Puts the queue's figures in the run report, as the run ends. */
    public void report() throws SQLException {
        report.tasks(counts());
    }
}
