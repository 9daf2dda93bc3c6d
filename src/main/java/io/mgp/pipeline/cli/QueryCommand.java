package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.duck.AtomicFiles;
import io.mgp.pipeline.duck.SqlResource;
import io.mgp.pipeline.lake.BronzeViews;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.models.Node;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SQL query with DuckDB on the lake, every table readable by its name (bronze.events, silver.events,"
                + " gold.mgp), as published now or as of a run, a branch, a snapshot or a time.")
final class QueryCommand implements Callable<Integer> {

    enum Format { table, csv, json, parquet }

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "SQL", description = "The query, such as \"SELECT count(*) FROM gold.mgp\".")
    String query;

    @Mixin
    ExistingLake lake;

    @Option(names = "--as-of", paramLabel = "POINT",
            description = "Read silver and gold as they were: a run's tag (run-<run id>), a branch (audit-<run id>),"
                    + " a snapshot id (see 'history'), or a time (2026-12-05T07:54:20Z). Bronze is read as it is now.")
    String asOf;

    @Option(names = "--branch", paramLabel = "NAME",
            description = "Read the tables that have this branch (such as audit-<run id>) on it, the others as published.")
    String branch;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table (default), csv, json (one object a line), or parquet (with --out).")
    Format format = Format.table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rows to this file (replaced once complete) instead of the terminal.")
    String out;

    @Override
    public Integer call() throws SQLException {
        if (asOf != null && branch != null) {
            throw new ParameterException(command.commandLine(), "--as-of and --branch cannot be given together");
        }
        if (format == Format.parquet && out == null) {
            throw new ParameterException(command.commandLine(), "--format parquet needs --out FILE");
        }
        Lake opened = lake.open();
        List<String> bronze = Project.catalog(Settings.get("mgp.project")).sources().stream().map(Node::name).toList();
        try (IcebergTables tables = ExistingLake.tables(opened, "query");
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            BronzeViews.register(sql, opened, bronze);
            List<String> names = ExistingLake.hasCatalog(opened) ? tables.tableNames() : List.of();
            IcebergTables.PointInTime at = asOf != null ? tables.pointInTime(asOf, names)
                    : branch != null ? tables.branch(branch, names) : null;
            String point = asOf != null ? asOf : branch;
            List<String> absent = new ArrayList<>();
            for (String name : names) {
                String layer = name.substring(0, name.indexOf('.'));
                sql.execute(SqlResource.load("sql/lake/create-schema.sql", Map.of("schema", layer)));
                boolean registered = at == null ? tables.register(sql, layer, name.substring(layer.length() + 1))
                        : tables.registerAt(sql, layer, name.substring(layer.length() + 1), at);
                if (!registered) {
                    absent.add(name);
                }
            }
            if (at != null && !names.isEmpty() && absent.size() == names.size()) {
                throw new PipelineException("no table of " + opened + " had a version at " + asOf);
            }
            try {
                write(sql, point == null ? "" : " (at " + point + ")");
            } catch (SQLException e) {
                throw new PipelineException("the query failed: " + PipelineException.firstLine(e)
                        + (at == null || absent.isEmpty() ? "" : " (at " + point + ", these tables had no version: " + String.join(", ", absent) + ")"), e);
            }
        }
        return 0;
    }

    /** Writes the rows to standard output, or to {@code --out} (replaced in one rename once complete). */
    private void write(Statement sql, String label) throws SQLException {
        if (out == null) {
            // a statement without rows (COPY … TO a file of the user's) prints nothing, as DuckDB's own shell does
            if (sql.execute(query)) {
                try (ResultSet rows = sql.getResultSet()) {
                    print(new QueryResults(rows), command.commandLine().getOut());
                }
            }
            return;
        }
        Path target = Path.of(out).toAbsolutePath();
        Path temporary = AtomicFiles.temporaryFor(target);
        long count;
        try {
            if (format == Format.parquet) {
                count = sql.executeUpdate(SqlResource.load("sql/query/copy-to-parquet.sql",
                        Map.of("query", query.strip().replaceAll(";+$", ""), "file", SqlResource.literal(temporary))));
            } else {
                try (ResultSet rows = sql.executeQuery(query);
                     PrintWriter file = new PrintWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))) {
                    count = print(new QueryResults(rows), file);
                    if (file.checkError()) {
                        throw new PipelineException("cannot write " + target);
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new PipelineException("cannot write " + target + ": " + PipelineException.reason(e), e);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
        AtomicFiles.publish(temporary, target);
        command.commandLine().getOut().printf("wrote %,d row%s to %s%s%n", count, count == 1 ? "" : "s", out, label);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // what was there before stays; the temporary file is only litter
        }
    }

    private long print(QueryResults results, PrintWriter to) throws SQLException {
        return switch (format) {
            case table -> results.table(to);
            case csv -> results.csv(to);
            case json -> results.json(to);
            case parquet -> throw new IllegalStateException("parquet is written by DuckDB");
        };
    }
}
