package io.mgp.pipeline.lake.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallingThreadTest {

    @Test
    void aTaskRunsInTheThreadThatHandsItOverAndIsDoneWhenHandedOver() {
        AtomicReference<Thread> ranIn = new AtomicReference<>();

        Future<?> task = CallingThread.EXECUTOR.submit(() -> ranIn.set(Thread.currentThread()));

        // Iceberg's Tasks.waitFor sleeps 10 ms whenever a task is not done at its first look
        assertTrue(task.isDone());
        assertEquals(Thread.currentThread(), ranIn.get());
    }

    @Test
    void theExecutorSharedByEveryCommitStaysUpWhenACommitShutsItDown() {
        CallingThread.EXECUTOR.shutdown();
        CallingThread.EXECUTOR.shutdownNow();

        assertFalse(CallingThread.EXECUTOR.isShutdown());
        assertTrue(CallingThread.EXECUTOR.submit(() -> 1).isDone());
    }
}
