package sdlab.cache.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes chunks to a new file on a thread of its own, in order, so that the event loop never
 * waits for the disk while a snapshot or rewrite is produced. The bytes still queued are
 * counted, so the producer can slow down instead of buffering without bound.
 */
final class BackgroundFileWriter {
    private final Path path;
    private final AppendChannel channel;
    private final ExecutorService thread;
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile IOException failure;

    private BackgroundFileWriter(Path path, AppendChannel channel, String threadName) {
        this.path = path;
        this.channel = channel;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Creates (or empties) the file at {@code path}. */
    static BackgroundFileWriter create(FileLayer files, Path path, String threadName) throws IOException {
        return new BackgroundFileWriter(path, files.create(path), threadName);
    }

    Path path() {
        return path;
    }

    /** The open file; after {@link #sync()} it holds everything submitted. */
    AppendChannel channel() {
        return channel;
    }

    /** Queues {@code chunk} to be appended. */
    void submit(byte[] chunk) {
        if (chunk.length == 0) {
            return;
        }
        queuedBytes.addAndGet(chunk.length);
        thread.execute(() -> {
            try {
                if (failure == null) {
                    channel.append(ByteBuffer.wrap(chunk));
                }
            } catch (IOException e) {
                failure = e;
            } finally {
                queuedBytes.addAndGet(-chunk.length);
            }
        });
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Writes what is queued and fsyncs, then runs {@code then} (on the writer thread). */
    void syncAsync(Runnable then) {
        thread.execute(() -> {
            forceQuietly();
            then.run();
        });
    }

    /** Waits until everything queued is written and synced; throws the first write failure. */
    void sync() throws IOException {
        try {
            thread.submit(this::forceQuietly).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while syncing " + path, e);
        } catch (ExecutionException e) {
            throw new IOException("syncing " + path + " failed", e.getCause());
        }
        if (failure != null) {
            throw failure;
        }
    }

    IOException failure() {
        return failure;
    }

    /** Stops the writer thread; the channel stays open for whoever took it over. */
    void release() {
        thread.shutdown();
    }

    /** Gives up: stops the thread, closes and deletes the file. */
    void abort() {
        thread.shutdownNow();
        try {
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            failure = e;
        }
    }

    private void forceQuietly() {
        try {
            if (failure == null) {
                channel.force(true);
            }
        } catch (IOException e) {
            failure = e;
        }
    }
}
