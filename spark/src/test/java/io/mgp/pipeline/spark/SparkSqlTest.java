package io.mgp.pipeline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparkSqlTest {

    @Test
    void statementsSplitAtEachSemicolonOutsideQuotesAndBlankOnesAreDropped() {
        assertEquals(List.of("SELECT 1", "SELECT ';' AS a, \"b;c\" AS `d;e`", "SHOW TABLES"),
                SparkSql.split(" SELECT 1;SELECT ';' AS a, \"b;c\" AS `d;e`;\n ; SHOW TABLES\n"));
    }

    @Test
    void aTextWithoutStatementsHasNone() {
        assertEquals(List.of(), SparkSql.split(" ;\n;"));
    }
}
