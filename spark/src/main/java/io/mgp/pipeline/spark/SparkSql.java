package io.mgp.pipeline.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code java -jar spark/target/pipeline-spark.jar [--lake DIR] [--master URL] [-e SQL]}: Spark SQL on the lake's
 * tables. With {@code -e}, runs the statements given and exits; without, reads statements ending in {@code ;} from
 * the terminal or a pipe. Each result's first {@value #SHOWN} rows are printed as a table.
 */
public final class SparkSql {

    static final int SHOWN = 100;
    private static final String USAGE = "usage: pipeline-spark [--lake DIR] [--master URL] [-e \"SQL; ...\"]";

    private SparkSql() {
    }

    public static void main(String[] args) throws IOException {
        Path lake = Path.of(orElse(LakeSession.setting("mgp.lake"), "lake"));
        String master = "local[2]";
        String statements = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--lake" -> lake = Path.of(required(args[i], value));
                case "--master" -> master = required(args[i], value);
                case "-e" -> statements = required(args[i], value);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown option '" + args[i] + "'; " + USAGE);
            }
            i++;
        }
        SparkSession spark;
        try {
            spark = LakeSession.open(lake, master);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        int failed;
        try (spark) {
            failed = statements != null ? run(spark, split(statements)) : shell(spark);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Reads statements from standard input, each run when its {@code ;} ends a line; the number that failed. */
    private static int shell(SparkSession spark) throws IOException {
        boolean terminal = System.console() != null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder statement = new StringBuilder();
        int failed = 0;
        prompt(terminal, statement);
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                failed += run(spark, split(statement.toString()));
                statement.setLength(0);
            }
            prompt(terminal, statement);
        }
        return failed + run(spark, split(statement.toString()));
    }

    private static void prompt(boolean terminal, StringBuilder statement) {
        if (terminal) {
            System.out.print(statement.isEmpty() ? "spark-sql (mgp)> " : "              -> ");
            System.out.flush();
        }
    }

    /** Runs each statement, printing its rows or its error; the number that failed. */
    static int run(SparkSession spark, List<String> statements) {
        int failed = 0;
        for (String statement : statements) {
            try {
                spark.sql(statement).show(SHOWN, false);
            } catch (Exception e) {
                // Spark's AnalysisException and ParseException are checked exceptions
                failed++;
                String message = String.valueOf(e.getMessage()).strip();
                System.err.println("error: " + message.lines().findFirst().orElse(e.toString()));
            }
        }
        return failed;
    }

    /** The statements of a text, split at each {@code ;} that is not inside quotes. */
    static List<String> split(String text) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote == 0 && c == ';') {
                add(statements, current);
                continue;
            }
            if (quote == 0 && (c == '\'' || c == '"' || c == '`')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            current.append(c);
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        current.setLength(0);
    }

    private static String required(String option, String value) {
        if (value == null) {
            fail(option + " needs a value; " + USAGE);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("pipeline-spark: " + message);
        System.exit(2);
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
