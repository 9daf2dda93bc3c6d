package io.mgp.pipeline.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * The digest of the answer bronze holds for each request, as the run started: an answer that has not changed
 * is not written again, so a run that finds nothing new leaves bronze, silver and gold as they are.
 */
public final class AnswerLog {

    private final StateDb state;
    private final Map<String, String> known = new ConcurrentHashMap<>();

    public AnswerLog(StateDb state) {
        this.state = state;
    }

    public void begin() throws SQLException {
        known.clear();
        for (Object[] row : state.query("sql/state/known-answers.sql")) {
            known.put((String) row[0], (String) row[1]);
        }
    }

    /** Whether the answer differs from the one bronze holds for the request (or bronze holds none). */
    public boolean isNew(@ExchangeProperty("request") String request, @Body byte[] answer) {
        String held = known.get(request);
        // Only an answer bronze holds needs hashing: a first run hashes nothing here.
        return held == null || !held.equals(md5(answer));
    }

    /** The same digest as DuckDB's {@code md5()} of the answer's text, which records it when the answer is written. */
    private static String md5(byte[] utf8) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(utf8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no MD5", e);
        }
    }
}
