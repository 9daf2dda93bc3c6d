package io.mgp.pipeline.lake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each bronze batch of a run is: gathering answers, completed by the aggregator, or being written. A flush waits
 * for the completed and the written ones only (an answer arriving during a flush starts the next batch); a stop gives
 * back every batch but those a writer holds, to be closed.
 */
final class BronzeBatches {

    private enum Stage { GATHERING, COMPLETED, WRITING }

    private final Map<BronzeBatch, Stage> stages = new HashMap<>();
    private boolean stopped;
    /** Whether a stop gave back a batch the aggregator had completed: a flush waiting for it never saw it written. */
    private boolean completedUnwritten;

    /** Refused once stopped: nothing would ever close the batch. */
    synchronized void gathering(BronzeBatch batch) {
        if (stopped) {
            throw new IllegalStateException("bronze has stopped: no new batch of " + batch.table());
        }
        stages.put(batch, Stage.GATHERING);
    }

    synchronized void completed(BronzeBatch batch) {
        stages.put(batch, Stage.COMPLETED);
    }

    /** Whether the batch may be written: not once stopped, when the stop has given it back to be closed. */
    synchronized boolean writing(BronzeBatch batch) {
        if (stopped) {
            return false;
        }
        stages.put(batch, Stage.WRITING);
        return true;
    }

    /** The batch is written, failed or discarded. */
    synchronized void done(BronzeBatch batch) {
        stages.remove(batch);
        notifyAll();
    }

    /** Waits until every completed batch is written; false when a stop came first. */
    synchronized boolean awaitWritten() throws InterruptedException {
        while (!stopped && hasPending()) {
            wait();
        }
        return !completedUnwritten && !hasPending();
    }

    /** Stops, and gives back the batches no writer holds, which the caller closes. */
    synchronized List<BronzeBatch> stop() {
        stopped = true;
        List<BronzeBatch> unwritten = new ArrayList<>();
        stages.forEach((batch, stage) -> {
            if (stage != Stage.WRITING) {
                unwritten.add(batch);
                completedUnwritten |= stage == Stage.COMPLETED;
            }
        });
        unwritten.forEach(stages::remove);
        notifyAll();
        return unwritten;
    }

    private boolean hasPending() {
        return stages.containsValue(Stage.COMPLETED) || stages.containsValue(Stage.WRITING);
    }
}
