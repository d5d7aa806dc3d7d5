package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.cache.persist.RespCommandWriter;

/**
 * The append-only file, written as Redis writes it.
 *
 * <p>Commands are encoded into a buffer as they execute; {@link #writePending} writes the
 * buffer to the file once per event-loop iteration, before any reply of that iteration is
 * sent. With {@link AppendFsync#ALWAYS} it also fsyncs there, so an acknowledged write is on
 * disk; with {@link AppendFsync#EVERYSEC} a background thread fsyncs once a second; with
 * {@link AppendFsync#NO} the operating system decides. A process crash (kill -9) loses nothing
 * that was written in any mode; a machine crash loses what was not yet synced.
 *
 * <p>The file is written through a {@link FileLayer}, the operating system's in production;
 * the power-loss tests run it over a layer that forgets what was not forced, which is how they
 * see a missing fsync that a kill -9 cannot show.
 *
 * <p>Called on the event-loop thread except for the background fsync, which only forces the
 * current channel.
 */
final class AofFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AofFile.class);
    private static final byte[][] SELECT_0 = {"SELECT".getBytes(), "0".getBytes()};

    private final Path path;
    private static final int PENDING_BYTES_INITIAL = 64 * 1024;
    private static final int PENDING_BYTES_KEPT_MAX = 4 * 1024 * 1024;

    private final ByteBuf pending = PooledByteBufAllocator.DEFAULT.directBuffer(PENDING_BYTES_INITIAL);
    private final ByteBufOutput output = new ByteBufOutput(pending);
    private final ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "aof-fsync");
        thread.setDaemon(true);
        return thread;
    });
    /** The planted bug of {@link NodeFiles#alwaysSkipsFsync()}: {@code always} acknowledges unsynced writes. */
    private final boolean alwaysSkipsFsync;

    private volatile AppendChannel channel;
    private volatile AppendFsync fsync;
    private volatile boolean unsynced;
    private volatile boolean lastWriteOk = true;
    private volatile String lastWriteError;
    private volatile long sizeBytes;
    private volatile long baseSizeBytes;
    private Consumer<byte[]> capture;

    private AofFile(Path path, AppendChannel channel, AppendFsync fsync, boolean alwaysSkipsFsync) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fsync = fsync;
        this.alwaysSkipsFsync = alwaysSkipsFsync;
        this.sizeBytes = channel.size();
        this.baseSizeBytes = sizeBytes;
        syncer.scheduleWithFixedDelay(this::backgroundSync, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Opens the file at {@code path}, or creates it, starting with SELECT 0 as Redis's files do,
     * synced together with its directory entry.
     */
    static AofFile open(NodeFiles files, Path path, AppendFsync fsync) throws IOException {
        AppendChannel channel = files.layer().openForAppend(path);
        AofFile file = new AofFile(path, channel, fsync, files.alwaysSkipsFsync());
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

    Path path() {
        return path;
    }

    /** Encodes one command into the pending buffer. */
    void append(byte[][] argv) {
        RespCommandWriter.write(output, argv);
    }

    /**
     * Writes the pending buffer to the file (and fsyncs with {@code always}); before replies are
     * sent. Returns false if the write or the fsync failed: the file is cut back to where it was,
     * the buffer is kept for the next try, and {@link #lastWriteError} says why, as Redis keeps
     * its {@code aof_buf} and retries.
     */
    boolean writePending() {
        int length = pending.readableBytes();
        if (length == 0) {
            return lastWriteOk;
        }
        long sizeBefore = sizeBytes;
        try {
            channel.append(pending.nioBuffer());
            if (fsync == AppendFsync.ALWAYS && !alwaysSkipsFsync) {
                channel.force(false);
                unsynced = false;
            } else {
                unsynced = true;
            }
        } catch (IOException e) {
            failed(e, sizeBefore);
            return false;
        }
        sizeBytes += length;
        if (!lastWriteOk) {
            log.warn("AOF write error looks solved, the node can write again.");
        }
        lastWriteOk = true;
        lastWriteError = null;
        if (capture != null) {
            byte[] copy = new byte[length];
            pending.getBytes(pending.readerIndex(), copy);
            capture.accept(copy);
        }
        pending.clear();
        if (pending.capacity() > PENDING_BYTES_KEPT_MAX) {
            pending.capacity(PENDING_BYTES_INITIAL); // give back what one huge batch needed
        }
        return true;
    }

    private void failed(IOException e, long sizeBefore) {
        if (lastWriteOk) {
            log.error("Error writing to the AOF file {}: {}", path, e.toString());
        }
        lastWriteOk = false;
        lastWriteError = e.getMessage() == null ? e.toString() : e.getMessage();
        try {
            channel.truncate(sizeBefore); // no half command for the next try to follow
        } catch (IOException truncateFailed) {
            log.debug("could not cut the AOF back after a failed write: {}", truncateFailed.toString());
        }
    }

    /** Why the last write failed, or null if it did not. */
    String lastWriteError() {
        return lastWriteError;
    }

    /** Forces everything written so far to disk now. */
    void fsyncNow() throws IOException {
        writePending();
        channel.force(false);
        unsynced = false;
    }

    /** Sends a copy of every chunk written from now on to {@code sink} (the rewrite buffer). */
    void startCapture(Consumer<byte[]> sink) {
        this.capture = sink;
    }

    void stopCapture() {
        this.capture = null;
    }

    /** Continues in {@code rewritten} (already renamed over this file's path); closes the old channel. */
    void replaceWith(AppendChannel rewritten) throws IOException {
        AppendChannel old = channel;
        channel = rewritten;
        sizeBytes = rewritten.size();
        baseSizeBytes = sizeBytes;
        old.close();
    }

    AppendFsync fsync() {
        return fsync;
    }

    void fsync(AppendFsync policy) {
        this.fsync = policy;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** The size right after the last rewrite (or at start): Redis's aof_base_size. */
    long baseSizeBytes() {
        return baseSizeBytes;
    }

    boolean lastWriteOk() {
        return lastWriteOk;
    }

    private void backgroundSync() {
        if (fsync != AppendFsync.EVERYSEC || !unsynced) {
            return;
        }
        unsynced = false;
        try {
            channel.force(false);
        } catch (IOException e) {
            // The channel may have just been swapped by a rewrite; the next second retries.
            unsynced = true;
            log.debug("background fsync of {} failed: {}", path, e.toString());
        }
    }

    @Override
    public void close() {
        syncer.shutdownNow();
        try {
            fsyncNow();
            channel.close();
        } catch (IOException e) {
            log.error("Error closing the AOF file {}: {}", path, e.toString());
        } finally {
            pending.release();
        }
    }
}
