package io.mgp.pipeline.state;

import io.mgp.pipeline.duck.SqlResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Service;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataSource;

/**
 * The pipeline's state in one DuckDB file ({@code sql/state/schema.sql}): the task queue, the answers bronze
 * holds, the seasons discovered, the runs. One database instance serves every connection of the process;
 * it is also a {@link javax.sql.DataSource} for camel-jdbc.
 */
public final class StateDb extends DuckDBDataSource implements Service {

    private final DuckDBConnection keepOpen;
    private final ReentrantLock writeLock = new ReentrantLock();

    public StateDb(Path file) throws SQLException {
        super("jdbc:duckdb:" + createParent(file), config());
        // DuckDB closes the database with its last connection; this one keeps it open while the pipeline runs.
        this.keepOpen = (DuckDBConnection) getConnection();
        try (Statement sql = keepOpen.createStatement()) {
            sql.execute(SqlResource.load("sql/state/schema.sql"));
        }
    }

    /**
     * One thread per statement: the crawl already writes tables in parallel, and with more, DuckDB's calling
     * thread spins on a mutex while its workers run.
     */
    private static Properties config() {
        Properties config = new Properties();
        config.setProperty("threads", "1");
        return config;
    }

    private static Path createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the state folder " + file.getParent(), e);
        }
    }

    /** A new connection to the state's database, for one caller at a time. */
    @Override
    public DuckDBConnection getConnection() throws SQLException {
        return (DuckDBConnection) super.getConnection();
    }

    /** Runs one transaction that changes the state, one at a time: DuckDB would fail concurrent updates of a row. */
    public void write(Connection connection, String... statements) throws SQLException {
        writeLock.lock();
        try {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                for (String statement : statements) {
                    sql.execute(statement);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs a state change with parameters, in its own transaction. */
    public void update(String resource, Object... parameters) throws SQLException {
        writeLock.lock();
        try (Connection connection = getConnection();
             PreparedStatement sql = connection.prepareStatement(SqlResource.load(resource))) {
            bind(sql, parameters);
            sql.executeUpdate();
        } finally {
            writeLock.unlock();
        }
    }

    /** The rows of a query, each as an array of its columns' values. */
    public List<Object[]> query(String resource, Object... parameters) throws SQLException {
        try (Connection connection = getConnection();
             PreparedStatement sql = connection.prepareStatement(SqlResource.load(resource))) {
            bind(sql, parameters);
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement sql, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            sql.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void start() {
        // the database is opened with the bean, so a broken state file fails the start
    }

    @Override
    public void stop() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the state database", e);
        }
    }
}
