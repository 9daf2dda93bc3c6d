package io.mgp.pipeline.lake;

import io.mgp.pipeline.PipelineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.camel.Service;

/**
 * One run at a time per lake: an operating-system lock on {@code <lake>/.lock}, which holds the owner's pid.
 * The system releases the lock when its process ends however it ends, so a killed run never blocks the next.
 */
public final class LakeLock implements Service {

    private final FileChannel channel;
    private final FileLock lock;

    private LakeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lake's lock, or fails at once naming the process that holds it. */
    public static LakeLock acquire(Path lake) {
        Path file = lake.resolve(".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new PipelineException("lake " + lake + " is in use by another run"
                        + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait for it to end or use another --lake");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            return new LakeLock(channel, lock);
        } catch (IOException e) {
            throw new PipelineException("cannot lock lake " + lake + ": " + PipelineException.reason(e), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this very process runs on the lake already
        }
    }

    @Override
    public void start() {
        // taken when acquired, so a second run fails before anything starts
    }

    @Override
    public void stop() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot release the lake's lock", e);
        }
    }
}
