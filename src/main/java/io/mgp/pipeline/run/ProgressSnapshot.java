package io.mgp.pipeline.run;

import java.time.Duration;
import java.util.Optional;

/**
 * A run's progress at one moment. Tasks are the sessions whose classification this run fetches (a retried one counts
 * once per fetch). The total is final once discovery is over; until then more tasks may be found.
 *
 * @param eta how long the tasks left take at the recent pace; empty until the total is final, or when none is left
 *            or none moved lately
 */
public record ProgressSnapshot(String stage, long tasksDone, long tasksTotal, boolean totalFinal, long requests,
                               long bronzeRows, double requestsPerSecond, Optional<Duration> eta) {

    /**
     * One line, short enough for an 80-column terminal, such as
     * {@code crawl: 4,512/9,870+ tasks, 61,204 bronze rows, 2,231 req/s} or
     * {@code tasks: 5,120/10,148 tasks, 102,311 bronze rows, 2,480 req/s, ETA 0:02}.
     */
    public String line() {
        return String.format("%s: %,d/%,d%s tasks, %,d bronze rows, %,.0f req/s%s", stage, tasksDone, tasksTotal,
                totalFinal ? "" : "+", bronzeRows, requestsPerSecond,
                eta.map(time -> ", ETA " + clock(time)).orElse(""));
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    private static String clock(Duration time) {
        long seconds = time.toSeconds();
        return seconds < 3600
                ? String.format("%d:%02d", seconds / 60, seconds % 60)
                : String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
