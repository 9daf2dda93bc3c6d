package io.mgp.pipeline.engine;

import io.mgp.pipeline.duck.ScratchDatabase;
import io.mgp.pipeline.lake.BronzeViews;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeTables;
import java.sql.SQLException;
import java.util.List;

/**
 * DuckDB in this JVM, an in-memory catalog per session ({@link ScratchDatabase}): the default engine, and the one the crawl
 * writes with.
 */
public final class DuckDbEngine implements Engine {

    public static final String NAME = "duckdb";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EngineSession open(Lake lake, LakeTables lakeTables, List<String> sources, List<String> tables) throws SQLException {
        DuckDbSession session = new DuckDbSession(ScratchDatabase.connect(), lakeTables);
        try {
            BronzeViews.register(session.sql(), lake, sources);
            for (String table : tables) {
                session.register(table);
            }
            return session;
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public EngineSession scratch() throws SQLException {
        return new DuckDbSession(ScratchDatabase.connect(), null);
    }

    @Override
    public void close() {
        // nothing held between sessions
    }
}
