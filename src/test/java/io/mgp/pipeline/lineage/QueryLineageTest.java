package io.mgp.pipeline.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryLineageTest {

    private static final Map<String, List<String>> TABLES = Map.of(
            "pages", List.of("season", "season_id", "event_id", "_request", "_fetch_id", "_fetched_at", "body"),
            "bronze.events", List.of("season", "id", "name", "sname", "short_name", "season_id", "_request", "_fetch_id", "_fetched_at"),
            "silver.events", List.of("id", "name", "sname", "season_id"),
            "silver.seasons", List.of("id", "year"),
            "t", List.of("k", "v", "w"),
            "u", List.of("k", "x"));

    private static Connection duck;

    @BeforeAll
    static void openDuckDb() throws Exception {
        duck = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterAll
    static void closeDuckDb() throws Exception {
        duck.close();
    }

    @Test
    void aBronzeColumnComesFromItsPagesJsonFieldOrTheCrawlsContext() throws Exception {
        Map<String, String> lineage = lineage("""
                SELECT season, r.id, r.sname, coalesce(r.season_id, season_id) AS season_id, _request
                FROM (SELECT *, unnest(from_json(body, '[{"id": "VARCHAR", "sname": "VARCHAR", "season_id": "VARCHAR"}]')) AS r
                      FROM pages)""");

        assertEquals(Map.of("season", "pages.season", "id", "pages.body.id", "sname", "pages.body.sname",
                "season_id", "pages.body.season_id, pages.season_id", "_request", "pages._request"), lineage);
    }

    @Test
    void aSilverColumnComesThroughTheStarOfASubqueryAndNotFromTheWindowThatPicksTheLatestAnswer() throws Exception {
        Map<String, String> lineage = lineage("""
                SELECT id, name, coalesce(sname, short_name) AS sname, season_id
                FROM (SELECT *, max_by(_fetch_id, _fetched_at) OVER (PARTITION BY _request) AS _latest FROM bronze.events) AS answers
                WHERE _fetch_id = _latest""");

        assertEquals(List.of("id", "name", "sname", "season_id"), List.copyOf(lineage.keySet()), "the columns in order");
        assertEquals("bronze.events.short_name, bronze.events.sname", lineage.get("sname"));
        assertEquals("bronze.events.id", lineage.get("id"));
    }

    @Test
    void joinedTablesAreResolvedByAliasSchemaAndTableOrUniqueName() throws Exception {
        Map<String, String> lineage = lineage("""
                SELECT s."year", e.name AS event_name, silver.events.sname, CAST(s.year AS VARCHAR) || e.id AS "key", w
                FROM silver.events JOIN silver.seasons AS s ON s.id = silver.events.season_id
                LEFT JOIN t AS e ON e.k = s.id""".replace("e.name", "silver.events.name").replace("e.id", "e.v"));

        assertEquals(Map.of("year", "silver.seasons.year", "event_name", "silver.events.name", "sname", "silver.events.sname",
                "key", "silver.seasons.year, t.v", "w", "t.w"), lineage);
    }

    @Test
    void commonTableExpressionsSetOperationsUsingJoinsAliasesAndSubqueriesAreFollowed() throws Exception {
        Map<String, String> lineage = lineage("""
                WITH renamed(key, value) AS (SELECT k, v FROM t)
                SELECT key, value * 2 AS doubled, doubled + 1 AS lateral_alias,
                       (SELECT max(x) FROM u WHERE u.k = renamed.key) AS biggest,
                       list_transform([value], y -> y + 1) AS lambda
                FROM renamed
                UNION ALL
                SELECT k, x, 0, 0, [] FROM u""");

        assertEquals(Map.of("key", "t.k, u.k", "doubled", "t.v, u.x", "lateral_alias", "t.v", "biggest", "u.x", "lambda", "t.v"), lineage);
        assertEquals(Map.of("k", "t.k, u.k", "v", "t.v", "w", "t.w", "x", "u.x"), lineage("SELECT * FROM t JOIN u USING (k)"));
        assertEquals(Map.of("k", "t.k", "w", "t.w"), lineage("SELECT * EXCLUDE (v) FROM t"));
        assertEquals(Map.of("k", "t.k", "v", "t.v, t.w", "w", "t.w"), lineage("SELECT * REPLACE (v + w AS v) FROM t"));
    }

    @Test
    void joinsReturnTheColumnsDuckDbReturnsAndAggregatesComeFromTheirValuesNotTheirFiltersOrOrder() throws Exception {
        assertEquals(Map.of("k", "t.k", "v", "t.v", "w", "t.w", "k_1", "u.k", "x", "u.x"), lineage("SELECT * FROM t JOIN u ON t.k = u.k"));
        assertEquals(Map.of("k", "t.k, u.k", "v", "t.v", "w", "t.w", "x", "u.x"), lineage("SELECT * FROM t NATURAL JOIN u"));
        assertEquals(Map.of("k", "t.k", "v", "t.v", "w", "t.w"), lineage("SELECT * FROM t SEMI JOIN u ON t.k = u.k"));
        assertEquals(Map.of("s", "t.v", "a", "t.v"), lineage("SELECT sum(v) FILTER (WHERE w > 0) AS s, string_agg(v, ',' ORDER BY w) AS a FROM t"));
        assertEquals(2, lineage("SELECT v + 1, w + 1 FROM t").size(), "two columns without an alias stay two");
    }

    @Test
    void whatCannotBeFollowedIsAnErrorNamingTheColumnOrTableAndWhy() {
        assertEquals("column nope: column nope is in none of the tables it reads", error("SELECT k, nope FROM t"));
        assertEquals("column k: column k is in more than one of the tables it reads", error("SELECT k FROM t JOIN u ON t.k = u.k"));
        assertEquals("it reads silver.missing, whose columns are not declared", error("SELECT * FROM silver.missing"));
        assertEquals("it reads from a table function, whose columns are not known", error("SELECT * FROM range(3)"));
    }

    private static String error(String sql) {
        return assertThrows(LineageException.class, () -> lineage(sql)).getMessage();
    }

    /** Each column's upstream columns, joined by commas. */
    private static Map<String, String> lineage(String sql) throws Exception {
        Map<String, String> lineage = new LinkedHashMap<>();
        QueryLineage.of(duck, sql, TABLES::get).forEach((column, upstream) ->
                lineage.put(column, upstream.stream().map(UpstreamColumn::toString).collect(Collectors.joining(", "))));
        return lineage;
    }
}
