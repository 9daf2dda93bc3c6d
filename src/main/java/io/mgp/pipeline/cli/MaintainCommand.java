package io.mgp.pipeline.cli;

import io.mgp.pipeline.lake.Lake;
import io.mgp.pipeline.lake.LakeLock;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import io.mgp.pipeline.lake.iceberg.Maintenance;
import io.mgp.pipeline.run.RunReport;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Maintain the lake's Iceberg tables: remove old audit branches (and old run tags, with --retain-runs),"
                + " expire old snapshots (a run's tagged snapshots stay), compact small files, rewrite manifests and delete"
                + " orphan files.")
final class MaintainCommand implements Callable<Integer> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec command;

    @Mixin
    ExistingLake lake;

    @Option(names = "--dry-run", description = "Change nothing: say what would be done.")
    boolean dryRun;

    @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "5d",
            description = "Expire snapshots, remove audit branches and delete orphan files older than this: 30m, 12h, 5d"
                    + " (default: ${DEFAULT-VALUE}, Iceberg's snapshot age).")
    String olderThan;

    @Option(names = "--retain-last", paramLabel = "N", defaultValue = "1",
            description = "Keep at least the last N snapshots of each table's main, however old (default: ${DEFAULT-VALUE}).")
    int retainLast;

    @Option(names = "--retain-runs", paramLabel = "N",
            description = "Keep the tags of each table's last N runs, however old; older run tags (past --older-than) are"
                    + " removed, and the versions only they kept expire (default: every run's tag stays).")
    Integer retainRuns;

    @Override
    public Integer call() throws SQLException {
        Duration age = duration(olderThan);
        if (retainLast < 1) {
            throw new ParameterException(command.commandLine(), "--retain-last must be at least 1, got " + retainLast);
        }
        if (retainRuns != null && retainRuns < 1) {
            throw new ParameterException(command.commandLine(), "--retain-runs must be at least 1, got " + retainRuns);
        }
        long started = System.nanoTime();
        Lake opened = lake.open();
        ExistingLake.requireCatalog(opened);
        Maintenance policy = new Maintenance(Instant.now().minus(age), retainLast, retainRuns == null ? Maintenance.ALL_RUNS : retainRuns, dryRun);
        PrintWriter out = command.commandLine().getOut();
        out.printf("%s %s: snapshots, audit branches%s and orphan files older than %s (%s), the last %s kept%n",
                dryRun ? "Would maintain" : "Maintaining", opened, retainRuns == null ? "" : ", run tags", TIME.format(policy.cutoff()), olderThan,
                plural(retainLast, "snapshot") + " of each main" + (retainRuns == null ? "" : " and " + plural(retainRuns, "run tag") + " of each table"));
        List<Maintenance.Result> results = new ArrayList<>();
        // a build running meanwhile could see its new files taken for orphans, or publish over a compaction
        LakeLock lock = dryRun ? null : LakeLock.acquire(opened.root());
        try (IcebergTables tables = ExistingLake.tables(opened, new RunReport().runId());
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            for (String table : tables.tableNames()) {
                Maintenance.Result result = tables.maintain(sql, table, policy);
                results.add(result);
                out.println(line(result));
                out.flush();
            }
        } finally {
            if (lock != null) {
                lock.stop();
            }
        }
        out.println(total(results, (System.nanoTime() - started) / 1e9));
        out.flush();
        return 0;
    }

    private Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new ParameterException(command.commandLine(), "--older-than must be a number and a unit (s, m, h or d), such as 5d or 12h, not '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String line(Maintenance.Result r) {
        return String.format("%-24s snapshots -%d (%d files)  audit branches -%d  run tags -%d  small files %d -> %d  manifests %d -> %d"
                + "  orphans -%d (%s)", r.table(), r.expiredSnapshots(), r.deletedFiles(), r.removedBranches(), r.removedTags(),
                r.compactedFiles(), r.compactedInto(),
                r.manifestsBefore(), r.manifestsAfter(), r.orphanFiles(), bytes(r.orphanBytes()));
    }

    private String total(List<Maintenance.Result> results, double seconds) {
        return String.format("%s in %.2f s: %d snapshots expired, %d audit branches and %d run tags removed, %d small files compacted,"
                + " %d orphan files deleted (%s)%s", dryRun ? "Dry run done" : "Done", seconds,
                results.stream().mapToInt(Maintenance.Result::expiredSnapshots).sum(),
                results.stream().mapToInt(Maintenance.Result::removedBranches).sum(),
                results.stream().mapToInt(Maintenance.Result::removedTags).sum(),
                results.stream().mapToInt(Maintenance.Result::compactedFiles).sum(),
                results.stream().mapToInt(Maintenance.Result::orphanFiles).sum(),
                bytes(results.stream().mapToLong(Maintenance.Result::orphanBytes).sum()), dryRun ? ": nothing changed" : "");
    }

    private static String bytes(long bytes) {
        return bytes < 1024 * 1024 ? String.format("%.1f kB", bytes / 1024.0) : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
