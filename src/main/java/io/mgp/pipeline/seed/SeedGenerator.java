package io.mgp.pipeline.seed;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.duckdb.DuckDBConnection;

import io.mgp.pipeline.duck.SqlResource;

/**
 * Writes the seed parquet files of the emulated MotoGP results API: invented but shaped like the real dataset
 * (at scale 1 about its size; at scale 10 ten times the rows and crawl requests), and byte-identical for the same
 * scale and random seed.
 */
public final class SeedGenerator {

    private final double scale;
    private final long randomSeed;

    public SeedGenerator(double scale, long randomSeed) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive finite number, was " + scale);
        }
        this.scale = scale;
        this.randomSeed = randomSeed;
    }

    /** Writes seasons, events, categories, sessions and classifications {@code .parquet} into {@code outDir}. */
    public SeedCounts write(Path outDir) {
        try (DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement statement = duck.createStatement()) {
                statement.execute(SqlResource.load("sql/seed/single-threaded.sql"));
            }
            try (SeedTableWriter<SeasonRow> seasons = new SeedTableWriter<>(duck, "seasons");
                 SeedTableWriter<EventRow> events = new SeedTableWriter<>(duck, "events");
                 SeedTableWriter<CategoryRow> categories = new SeedTableWriter<>(duck, "categories");
                 SeedTableWriter<SessionRow> sessions = new SeedTableWriter<>(duck, "sessions");
                 SeedTableWriter<ClassificationRow> classifications = new SeedTableWriter<>(duck, "classifications")) {
                new RaceHistory(scale, randomSeed).writeTo(
                        new SeedSink(seasons, events, categories, sessions, classifications));
                for (SeedTableWriter<?> table : List.of(seasons, events, categories, sessions, classifications)) {
                    table.copyTo(outDir.resolve(table.name() + ".parquet"));
                }
                return new SeedCounts(seasons.rows(), events.rows(), categories.rows(), sessions.rows(),
                        classifications.rows());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the seed files into " + outDir, e);
        }
    }
}
