package io.mgp.pipeline.engine;

import io.mgp.pipeline.lake.LakeTables;
import io.mgp.pipeline.lake.Partitioning;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One engine session: relations named {@code layer.name} (or a bare name), the queries the model runner and the data
 * tests send, and the versions of the lake's tables they write. Types are named as DuckDB names them ({@code VARCHAR},
 * {@code BIGINT}), whatever the engine, so that a model's YAML declares one type for both. Every failure of the engine
 * is an {@link SQLException} whose first line says what is wrong.
 */
public interface EngineSession extends AutoCloseable {

    /** Makes {@code id} read the rows of {@code select}, replacing what it read before. */
    void define(String id, String select) throws SQLException;

    /** Makes {@code id} a relation of these columns (DuckDB's type names) holding these rows, each value given as text. */
    void define(String id, Map<String, String> columns, List<Map<String, Object>> rows) throws SQLException;

    /** Makes {@code id} ({@code layer.name}) read the lake table's published version again, or nothing when there is none. */
    void readPublished(String id) throws SQLException;

    /** The columns {@code select} returns and their types, in order, found without running it. */
    Map<String, String> columns(String select) throws SQLException;

    /** The second column of each row of {@code query} by its first, both whole numbers: counts by key, in one statement. */
    Map<Long, Long> countsByKey(String query) throws SQLException;

    /** The first {@code limit} rows of {@code query}, written to {@code file} as parquet. */
    void store(String query, long limit, Path file) throws SQLException;

    /** The rows of {@code query}, each as {@code {column: value, ...}}: for messages only, never for data. */
    List<String> rows(String query) throws SQLException;

    /**
     * Writes the rows of {@code select} as the next version of the lake's table {@code layer.name}, readable under that
     * name in this session until it is published or discarded.
     */
    LakeTables.Staged stage(String layer, String name, String select, Map<String, String> columns, Partitioning partitioning)
            throws SQLException;

    /** Publishes a staged version; {@code layer.name} then reads it as published. */
    void publish(String layer, String name, LakeTables.Staged staged) throws SQLException;

    /**
     * Sets a staged version aside; {@code layer.name} then reads the published version again, if any. Returns where the
     * version can still be read, for the user.
     */
    String discard(String layer, String name, LakeTables.Staged staged) throws SQLException;

    @Override
    void close() throws SQLException;
}
