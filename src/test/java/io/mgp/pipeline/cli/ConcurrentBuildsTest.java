package io.mgp.pipeline.cli;

import static io.mgp.pipeline.LakeAssertions.assertGoldMatchesSeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mgp.pipeline.ChildRun;
import io.mgp.pipeline.LakeAssertions;
import io.mgp.pipeline.TestProjects;
import io.mgp.pipeline.TestSeeds;
import io.mgp.pipeline.lake.iceberg.IcebergTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes building the same lake at once, without the lake's lock (as two machines sharing a catalog would),
 * each a project that changes silver.sessions and gold its own way: every commit either lands on main or stays on its
 * build's audit branch, and main reads as a whole build.
 */
class ConcurrentBuildsTest {

    private static final List<String> TABLES = List.of("silver.seasons", "silver.events", "silver.categories",
            "silver.sessions", "silver.classifications", "gold.mgp");

    @TempDir
    Path temp;

    @Test
    void twoBuildsAtOnceEachPublishOrFailClearlyAndNoCommitIsLost() throws Exception {
        Path lake = temp.resolve("lake");
        Path seeds = TestSeeds.small();
        assertEquals(0, CliRun.execute("run", "--seeds", seeds.toString(), "--lake", lake.toString(), "--port", "0", "-q").code());

        Map<String, Path> projects = Map.of("first", renamed("first", "upper(%s)"), "second", renamed("second", "%s || '.'"));
        List<Process> builds = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            builds.add(ChildRun.java(lake, List.of(UnlockedBuild.class.getName(), lake.toString(), run, projects.get(run).toString())));
        }
        List<String> published = new ArrayList<>();
        for (int i = 0; i < builds.size(); i++) {
            assertTrue(builds.get(i).waitFor(60, TimeUnit.SECONDS), "a build is still running");
            int code = builds.get(i).exitValue();
            assertTrue(code == 0 || code == 1, "exit " + code + ": " + ChildRun.log(lake));
            if (code == 0) {
                published.add(List.of("first", "second").get(i));
            }
        }
        String log = ChildRun.log(lake);
        assertTrue(!published.isEmpty(), "one build wins: " + log);
        assertTrue(published.size() == 2 || log.contains("(another build published it meanwhile)"), "the other says why: " + log);

        for (String table : TABLES) {
            for (String run : List.of("first", "second")) {
                boolean won = published.contains(run);
                LakeAssertions.table(lake, table, loaded -> {
                    Snapshot tagged = loaded.refs().containsKey(IcebergTables.runTag(run))
                            ? loaded.snapshot(loaded.refs().get(IcebergTables.runTag(run)).snapshotId()) : null;
                    if (won) {
                        assertTrue(tagged == null || isAncestorOfMain(loaded, tagged.snapshotId()),
                                table + ": what " + run + " published is in main's history");
                    } else {
                        assertTrue(tagged != null || loaded.refs().containsKey(IcebergTables.auditBranch(run)) || !changedBy(loaded, run),
                                table + ": what " + run + " audited is still on its branch, or was published: " + loaded.refs().keySet());
                    }
                    return null;
                });
            }
        }
        for (String run : List.of("first", "second")) {
            boolean committed = LakeAssertions.table(lake, "gold.mgp", loaded -> changedBy(loaded, run));
            assertTrue(committed, run + " committed its gold, to main or its branch");
        }
        CliRun build = CliRun.execute("build", "--lake", lake.toString());
        assertEquals(0, build.code(), build.out() + build.err());
        assertGoldMatchesSeeds(lake, seeds);
    }

    /** The built-in project, with the session and rider names made anew by an SQL expression of the name ({@code %s}). */
    private Path renamed(String folder, String expression) throws IOException {
        Path project = TestProjects.builtInCopy(temp.resolve(folder));
        replace(project.resolve("models/silver/sessions.sql"), "SELECT id, name,", "SELECT id, " + expression.formatted("name") + " AS name,");
        replace(project.resolve("models/gold/mgp.sql"), "cl.name AS rider_name", expression.formatted("cl.name") + " AS rider_name");
        return project;
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        assertTrue(content.contains(text), file + " has " + text);
        Files.writeString(file, content.replace(text, replacement));
    }

    private static boolean isAncestorOfMain(org.apache.iceberg.Table table, long snapshotId) {
        Snapshot at = table.snapshot(table.refs().get(SnapshotRef.MAIN_BRANCH).snapshotId());
        while (at != null && at.snapshotId() != snapshotId) {
            at = at.parentId() == null ? null : table.snapshot(at.parentId());
        }
        return at != null;
    }

    /** Whether the run committed anything to the table (a model whose rows did not change commits nothing). */
    private static boolean changedBy(org.apache.iceberg.Table table, String run) {
        for (Snapshot snapshot : table.snapshots()) {
            if (run.equals(snapshot.summary().get(IcebergTables.RUN_ID))) {
                return true;
            }
        }
        return false;
    }
}
