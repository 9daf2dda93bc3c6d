package io.mgp.pipeline.cli;

import io.mgp.pipeline.PipelineException;
import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.TableVersion;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the versions (Iceberg snapshots) of a silver or gold table, the newest first: when, by which run,"
                + " what the commit did, and the branches and tags pointing at each.")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter COMMITTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec command;

    @Parameters(paramLabel = "TABLE", description = "The table, as layer.name: silver.events, gold.mgp.")
    String table;

    @Mixin
    ExistingLake lake;

    @Override
    public Integer call() {
        String[] name = table.split("\\.");
        if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
            throw new ParameterException(command.commandLine(), "TABLE must be layer.name, such as silver.events, not '" + table + "'");
        }
        Lake opened = lake.open();
        ExistingLake.requireCatalog(opened);
        List<TableVersion> versions;
        try (IcebergTables tables = ExistingLake.tables(opened, "history")) {
            versions = tables.history(name[0], name[1]);
        }
        if (versions.isEmpty()) {
            throw new PipelineException("no table " + table + " in " + opened);
        }
        PrintWriter out = command.commandLine().getOut();
        out.printf("%-20s %-19s  %-24s %-10s %12s %6s %6s  %s%n", "snapshot", "committed (UTC)", "run", "operation", "rows", "+files", "-files", "refs");
        for (TableVersion version : versions) {
            out.printf("%-20d %-19s  %-24s %-10s %,12d %6d %6d  %s%n", version.id(), COMMITTED.format(version.committed()),
                    version.runId() == null ? "-" : version.runId(), version.operation(), version.rows(), version.addedFiles(),
                    version.removedFiles(), String.join(", ", version.refs()));
        }
        out.flush();
        return 0;
    }
}
