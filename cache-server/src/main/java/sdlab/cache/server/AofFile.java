package sdlab.cache.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.persist.AofStorage;
import sdlab.cache.persist.AofWriter;
import sdlab.cache.persist.AppendFsync;

/**
 * The append-only file on real files: the shared {@link AofWriter} (which decides when the buffer
 * is written, when the file is synced and which replies may go) over an {@link AppendChannel}.
 * Chapter 11 runs the same writer over the simulator's disk.
 *
 * <p>This class only carries bytes and outcomes. A sync before replies ({@code always}) forces
 * the file right there, on the event loop, so the iteration's replies go out after it; a
 * background sync ({@code everysec}) forces on a thread of its own and reports back on the event
 * loop. A failed append is cut back, so that the writer's retry does not follow half a command.
 * It also keeps what INFO shows of the file (its size, its size after the last rewrite) and
 * copies what is written to a running rewrite.
 *
 * <p>The file is written through a {@link FileLayer}, the operating system's in production; the
 * power-loss tests run it over a layer that forgets what was not forced, which is how they see a
 * missing fsync that a kill -9 cannot show. Everything here runs on the event loop, except the
 * background force, which only touches the channel it was given.
 */
final class AofFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AofFile.class);
    private static final byte[][] SELECT_0 = {"SELECT".getBytes(), "0".getBytes()};

    private final Path path;
    private final Executor loop;
    private final ExecutorService syncer;
    private final AofWriter writer;

    private volatile AppendChannel channel;
    private long sizeBytes;
    private long baseSizeBytes;
    private Consumer<byte[]> capture;

    private AofFile(
            Path path,
            AppendChannel channel,
            AppendFsync fsync,
            boolean acksBeforeFsync,
            Executor loop,
            ExecutorService syncer)
            throws IOException {
        this.path = path;
        this.channel = channel;
        this.loop = loop;
        this.syncer = syncer;
        this.writer = new AofWriter(new Storage(), fsync, acksBeforeFsync);
        this.sizeBytes = channel.size();
        this.baseSizeBytes = sizeBytes;
    }

    /**
     * Opens the file at {@code path}, or creates it, starting with SELECT 0 as Redis's files do,
     * synced together with its directory entry. Completions of background syncs run on {@code loop}.
     */
    static AofFile open(NodeFiles files, Path path, AppendFsync fsync, Executor loop) throws IOException {
        return open(files, path, fsync, loop, backgroundSyncThread());
    }

    /** As above, forcing in the background on {@code syncer} (tests pass one they run by hand). */
    static AofFile open(NodeFiles files, Path path, AppendFsync fsync, Executor loop, ExecutorService syncer)
            throws IOException {
        AppendChannel channel = files.layer().openForAppend(path);
        AofFile file = new AofFile(path, channel, fsync, files.acksBeforeFsync(), loop, syncer);
        if (channel.size() == 0) {
            try {
                file.append(SELECT_0);
                file.fsyncNow();
                // A new file's name lives in its directory: until that is synced, a power loss can
                // take the whole file, and every write acknowledged under always with it.
                files.layer().syncDirectory(path.toAbsolutePath().getParent());
            } catch (IOException e) {
                file.close();
                throw e;
            }
            file.baseSizeBytes = file.sizeBytes;
        }
        return file;
    }

    private static ExecutorService backgroundSyncThread() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aof-fsync");
            thread.setDaemon(true);
            return thread;
        });
    }

    Path path() {
        return path;
    }

    /** Encodes one command into the pending buffer (the engine's write log). */
    void append(byte[][] argv) {
        writer.append(argv);
    }

    /**
     * Writes the pending buffer (and syncs it with {@code always}) before a batch of replies, and
     * says whether the batch may go: not when its writes were promised durable and could not be
     * written or synced. The replies are then withheld: their clients never hear a false OK.
     */
    boolean beforeReplies() {
        BatchReply batch = new BatchReply();
        writer.acknowledge(batch);
        flush();
        // The syncs this file runs before replies complete on the spot, so the batch is decided
        // here; were one still running, withholding is the answer that never lies.
        return batch.sent;
    }

    /** Writes the pending buffer (and syncs it with {@code always}) with no reply waiting on it. */
    void flush() {
        boolean okBefore = writer.lastWriteOk();
        writer.flush();
        reportWriteStatus(okBefore);
    }

    /** Once a second, from the node's cron: everysec's background sync. */
    void tick() {
        writer.tick();
    }

    /** Why the last write failed, or null if it did not. */
    String lastWriteError() {
        return writer.lastWriteError();
    }

    boolean lastWriteOk() {
        return writer.lastWriteOk();
    }

    /** A sync before replies failed: only a rewrite from memory makes the file trustworthy again. */
    boolean needsRewrite() {
        return writer.needsRewrite();
    }

    /** Writes and forces everything appended so far now, whatever the policy. */
    void fsyncNow() throws IOException {
        boolean okBefore = writer.lastWriteOk();
        writer.syncNow();
        reportWriteStatus(okBefore);
        if (!writer.lastWriteOk()) {
            throw new IOException(writer.lastWriteError());
        }
    }

    /** Sends a copy of every chunk written from now on to {@code sink} (the rewrite buffer). */
    void startCapture(Consumer<byte[]> sink) {
        this.capture = sink;
    }

    void stopCapture() {
        this.capture = null;
    }

    /** Continues in {@code rewritten} (already synced and renamed over this file's path); closes the old channel. */
    void replaceWith(AppendChannel rewritten) throws IOException {
        AppendChannel old = channel;
        channel = rewritten;
        sizeBytes = rewritten.size();
        baseSizeBytes = sizeBytes;
        writer.storageReplaced();
        old.close();
    }

    AppendFsync fsync() {
        return writer.fsync();
    }

    void fsync(AppendFsync policy) {
        writer.fsync(policy);
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** The size right after the last rewrite (or at start): Redis's aof_base_size. */
    long baseSizeBytes() {
        return baseSizeBytes;
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        try {
            fsyncNow();
            channel.close();
        } catch (IOException e) {
            log.error("Error closing the AOF file {}: {}", path, e.toString());
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException stopped) {
            // the node is stopping; nobody waits for this sync any more
        }
    }

    private void cutBack(long sizeBefore) {
        try {
            channel.truncate(sizeBefore); // no half command for the next try to follow
        } catch (IOException truncateFailed) {
            log.debug("could not cut the AOF back after a failed write: {}", truncateFailed.toString());
        }
    }

    private void reportWriteStatus(boolean okBefore) {
        if (okBefore && !writer.lastWriteOk()) {
            log.error("Error writing to the AOF file {}: {}", path, writer.lastWriteError());
        } else if (!okBefore && writer.lastWriteOk()) {
            log.warn("AOF write error looks solved, the node can write again.");
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The port the writer uses: this file's channel, forced on the loop or on the sync thread. */
    private final class Storage implements AofStorage {
        @Override
        public void append(byte[] bytes, int offset, int length) throws IOException {
            long sizeBefore = sizeBytes;
            try {
                channel.append(ByteBuffer.wrap(bytes, offset, length));
            } catch (IOException e) {
                cutBack(sizeBefore);
                throw e;
            }
            sizeBytes += length;
            if (capture != null) {
                byte[] copy = new byte[length];
                System.arraycopy(bytes, offset, copy, 0, length);
                capture.accept(copy);
            }
        }

        @Override
        public void syncBeforeReplies(SyncDone done) {
            try {
                channel.force(false);
            } catch (IOException e) {
                done.failed(reason(e));
                return;
            }
            done.synced();
        }

        @Override
        public void syncInBackground(SyncDone done) {
            AppendChannel forced = channel;
            try {
                syncer.execute(() -> {
                    try {
                        forced.force(false);
                        onLoop(done::synced);
                    } catch (IOException e) {
                        // The channel may have just been swapped by a rewrite; the next second retries.
                        log.debug("background fsync of {} failed: {}", path, e.toString());
                        onLoop(() -> done.failed(reason(e)));
                    }
                });
            } catch (RejectedExecutionException closed) {
                done.failed("the AOF is closed");
            }
        }
    }

    /** The replies of one event-loop iteration, as one acknowledgement. */
    private static final class BatchReply implements AofWriter.Acknowledgement {
        boolean sent;

        @Override
        public void send() {
            sent = true;
        }

        @Override
        public void withhold() {
            sent = false;
        }
    }
}
