package io.mgp.pipeline.lake.iceberg;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.SnapshotUpdate;

/**
 * An executor that runs each task in the thread that hands it over, for the commits of a lake's tables. Iceberg
 * filters and writes a commit's manifests on its worker pool and waits for the pool in steps of 10 ms
 * ({@code Tasks.waitFor} looks again after each step until every task is done): each step of a commit then took 10 ms
 * as a rule, where the lake's few small manifests take a fraction of that in the committing thread.
 */
final class CallingThread extends AbstractExecutorService {

    static final CallingThread EXECUTOR = new CallingThread();

    private CallingThread() {
    }

    /** The update, with its manifests scanned and written in the thread that commits it. */
    static <T extends SnapshotUpdate<T>> T commits(T update) {
        return update.scanManifestsWith(EXECUTOR).writeManifestsWith(EXECUTOR, 1);
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    /** Shared by every commit: never shut down. */
    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }
}
