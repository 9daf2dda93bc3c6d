package io.mgp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.TestSeeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loading the seeds: every row of every file is served, and a seeds folder the API cannot serve stops the start
 * with a PipelineException whose one line tells the user which file or column to fix.
 */
class SeedStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void rowCountsEqualTheSeedFiles() throws SQLException {
        SeedStore store = new SeedStore(TestSeeds.small());

        for (SeedTable table : SeedTable.values()) {
            assertEquals(count(TestSeeds.small().resolve(table.fileName())), store.rowCount(table), table.name());
        }
    }

    /** Every answer is the same whether the seeds are read whole or in parts on several threads. */
    @Test
    void readingInPartsAnswersExactlyAsReadingWhole() throws SQLException {
        SeedStore whole = new SeedStore(TestSeeds.small(), 1);
        SeedStore inParts = new SeedStore(TestSeeds.small(), 3);
        for (SeedTable table : SeedTable.values()) {
            List<List<String>> keys = keys(table);
            assertFalse(keys.isEmpty(), table.name());
            for (List<String> key : keys) {
                assertArrayEquals(whole.rows(table, key), inParts.rows(table, key), table + " " + key);
            }
        }
    }

    /**
     * Values that repeat the previous row's are read once: a value, its repeats, nulls after it, a value after the
     * nulls and a null opening a group must all come back as the file has them, in its order, read whole or in parts.
     */
    @ParameterizedTest(name = "in {0} part(s)")
    @ValueSource(ints = {1, 3})
    void answersHoldEachRowsOwnValuesInTheFilesOrder(int parts) throws Exception {
        Path seeds = copyOfSmallSeeds();
        Path classifications = seeds.resolve(SeedTable.CLASSIFICATIONS.fileName());
        Files.delete(classifications);
        duck("COPY (FROM (VALUES "
                + "('1', '1', '1', 's1', 'Ann', 1, 1, 25), ('1', '1', '1', 's1', 'Ann', 1, 2, 20),"
                + "('1', '1', '1', 's1', NULL, NULL, NULL, 16), ('1', '1', '1', 's1', NULL, NULL, NULL, 16),"
                + "('1', '1', '1', 's1', 'Ann', 1, 5, 11), ('1', '1', '2', 's1', 'Bo', NULL, 6, 10),"
                + "('1', '2', '1', 's2', NULL, 7, NULL, NULL), ('1', '2', '1', 's2', NULL, 7, 1, NULL),"
                + "('1', '2', '1', 's2', 'Ann', 1, 1, 25), ('1', '2', '1', 's3', 'Ann', 1, 1, 25))"
                + " AS t(season_id, event_id, category_id, session_id, name, \"number\", \"position\", points))"
                + " TO " + literal(classifications) + " (FORMAT parquet)");
        SeedStore store = new SeedStore(seeds, parts);

        for (String session : List.of("s1", "s2", "s3")) {
            assertEquals(fileRows(classifications, session),
                    JSON.readTree(store.rows(SeedTable.CLASSIFICATIONS, List.of(session))), session);
        }
    }

    @Test
    void missingFolderIsAPipelineExceptionNamingTheFolder() {
        Path missing = dir.resolve("no-seeds-here");

        assertFailsNaming(missing, missing.toString());
    }

    @ParameterizedTest
    @EnumSource(SeedTable.class)
    void missingFileIsAPipelineExceptionNamingTheFile(SeedTable table) throws IOException {
        Path seeds = copyOfSmallSeeds();
        Files.delete(seeds.resolve(table.fileName()));

        assertFailsNaming(seeds, table.fileName());
    }

    @ParameterizedTest
    @EnumSource(SeedTable.class)
    void fileThatIsNotParquetIsAPipelineExceptionNamingTheFile(SeedTable table) throws IOException {
        Path seeds = copyOfSmallSeeds();
        Files.writeString(seeds.resolve(table.fileName()), "not parquet at all\n", StandardCharsets.UTF_8);

        assertFailsNaming(seeds, table.fileName());
    }

    /** Each required column of each file in turn, dropped from an otherwise valid copy of the seeds. */
    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredColumns")
    void fileLackingARequiredColumnIsAPipelineExceptionNamingFileAndColumn(SeedTable table, String column)
            throws IOException, SQLException {
        Path seeds = copyOfSmallSeeds();
        Path file = seeds.resolve(table.fileName());
        Path without = seeds.resolve("without.parquet");
        duck("COPY (SELECT * EXCLUDE (\"" + column + "\") FROM read_parquet(" + literal(file) + ")) TO "
                + literal(without) + " (FORMAT parquet)");
        Files.move(without, file, StandardCopyOption.REPLACE_EXISTING);

        PipelineException e = assertFailsNaming(seeds, table.fileName());
        assertTrue(e.getMessage().contains(column), () -> e.getMessage() + " does not name column " + column);
    }

    static Stream<Arguments> requiredColumns() {
        return Stream.of(SeedTable.values()).flatMap(t -> t.requiredColumns().stream().map(c -> Arguments.of(t, c)));
    }

    private static PipelineException assertFailsNaming(Path seeds, String named) {
        PipelineException e = assertThrows(PipelineException.class, () -> new SeedStore(seeds));
        assertTrue(e.getMessage().contains(named), () -> e.getMessage() + " does not name " + named);
        return e;
    }

    private Path copyOfSmallSeeds() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("seeds"));
        for (SeedTable table : SeedTable.values()) {
            Files.copy(TestSeeds.small().resolve(table.fileName()), copy.resolve(table.fileName()));
        }
        return copy;
    }

    private static long count(Path file) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet rs = sql.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file) + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every distinct key of a table's seed file: the query parameter values that have rows. */
    private static List<List<String>> keys(SeedTable table) throws SQLException {
        if (table.keyFields().isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> keys = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet rs = sql.executeQuery("SELECT DISTINCT " + String.join(", ", table.keyFields())
                     + " FROM read_parquet(" + literal(TestSeeds.small().resolve(table.fileName())) + ")")) {
            while (rs.next()) {
                List<String> key = new ArrayList<>();
                for (int i = 1; i <= table.keyFields().size(); i++) {
                    key.add(rs.getString(i));
                }
                keys.add(key);
            }
        }
        return keys;
    }

    /** The file's rows of one session, in its order, as the API's JSON would hold them. */
    private static JsonNode fileRows(Path file, String session) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement();
             ResultSet rs = sql.executeQuery("SELECT coalesce(to_json(list(t ORDER BY ordinal)), '[]') FROM (SELECT"
                     + " season_id, event_id, category_id, session_id, name, \"number\", \"position\", points,"
                     + " file_row_number AS ordinal FROM read_parquet(" + literal(file) + ", file_row_number = true)"
                     + " WHERE session_id = '" + session + "') t")) {
            rs.next();
            ObjectNode[] rows = JSON.readValue(rs.getString(1), ObjectNode[].class);
            Arrays.stream(rows).forEach(row -> row.remove("ordinal"));
            return JSON.valueToTree(rows);
        }
    }

    private static void duck(String statement) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
