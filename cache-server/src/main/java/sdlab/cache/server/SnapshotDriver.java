package sdlab.cache.server;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import sdlab.cache.persist.GrowableBytes;
import sdlab.cache.store.Snapshot;

/**
 * Runs an engine {@link Snapshot} a few hundred keys at a time as event-loop tasks, handing the
 * encoded bytes to a {@link BackgroundFileWriter}. Client commands run between the steps, so a
 * snapshot of any size never blocks them for long; if the disk falls behind, the steps pause
 * rather than buffer without bound.
 */
final class SnapshotDriver {
    static final int KEYS_PER_STEP = 256;
    static final long QUEUED_BYTES_MAX = 32L * 1024 * 1024;

    private final EventLoop loop;
    private final Snapshot snapshot;
    private final GrowableBytes buffer;
    private final BackgroundFileWriter writer;
    private final Runnable onFinished;
    private boolean stopped;

    /**
     * @param buffer where the snapshot's sink encodes keys (also during commands: pre-images)
     * @param onFinished runs on the loop once every key was handed to the writer
     */
    SnapshotDriver(
            EventLoop loop, Snapshot snapshot, GrowableBytes buffer, BackgroundFileWriter writer, Runnable onFinished) {
        this.loop = loop;
        this.snapshot = snapshot;
        this.buffer = buffer;
        this.writer = writer;
        this.onFinished = onFinished;
    }

    void start() {
        loop.execute(this::step);
    }

    /** Stops stepping; the snapshot is abandoned. */
    void stop() {
        stopped = true;
        snapshot.abort();
    }

    /** Hands whatever is encoded so far to the writer. */
    void drain() {
        if (buffer.size() > 0) {
            writer.submit(buffer.drain());
        }
    }

    private void step() {
        if (stopped) {
            return;
        }
        if (writer.queuedBytes() > QUEUED_BYTES_MAX) {
            loop.schedule(this::step, 1, TimeUnit.MILLISECONDS);
            return;
        }
        if (!snapshot.finished()) {
            snapshot.step(KEYS_PER_STEP);
        }
        drain();
        if (snapshot.finished()) {
            stopped = true;
            onFinished.run();
        } else {
            loop.execute(this::step);
        }
    }
}
