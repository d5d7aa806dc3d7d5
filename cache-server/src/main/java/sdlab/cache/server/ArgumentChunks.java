package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The direct chunks that big bulk arguments arrive into, kept ready by another thread and kept
 * for reuse for a while after they are given back.
 *
 * <p>Fresh memory is what big requests cost: on the two-core VM the lab runs on, the first
 * touch of a page costs about 4 ms per mebibyte, so a quarter-gigabyte argument spends a second
 * in page faults wherever its bytes land. Two rules follow. The faults never happen on the event
 * loop: chunks are allocated (and zeroed, which faults them in) by the {@code filler} thread,
 * which keeps {@link #READY_MIN} of them ready; a client that finds none ready waits, its
 * reading paused, while the others are served. And a chunk given back is kept, already faulted
 * in, so that the next big argument arrives at the speed of a copy; after {@link #DECAY_NANOS}
 * without use the kept chunks are released to the operating system, as jemalloc returns Redis's
 * freed pages after its ten-second {@code dirty_decay_ms}, and the node's memory returns to its
 * baseline. At most {@code keptBytesMax} are kept.
 *
 * <p>Taken on the event loop, given back there or by the thread that assembles an argument's
 * array, filled by the filler: every method is safe from any thread.
 */
final class ArgumentChunks {
    /** Bytes per chunk: a quarter-gigabyte argument is a few hundred of them. */
    static final int CHUNK_BYTES = 1 << 20;
    /** Chunks the filler keeps ready, so that a fast client's next mebibytes do not wait for it. */
    static final int READY_MIN = 8;
    /** How long given-back chunks are kept without use before they are released. */
    static final long DECAY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ByteBufAllocator allocator;
    private final Executor filler;
    private final long keptBytesMax;
    private final LongSupplier nanoClock;
    private final Runnable returnFreedMemory;

    private final ArrayDeque<ByteBuf> ready = new ArrayDeque<>();
    /** The filler's run in progress, or null. */
    private CompletableFuture<Void> refill;

    private long lastUsedNanos;

    /**
     * @param allocator where chunks come from: an unpooled one, whose released chunks go back to the system
     * @param filler the thread that allocates chunks, off the event loop
     * @param keptBytesMax the most that given-back chunks may hold while they wait for reuse
     * @param nanoClock the time, for the decay
     * @param returnFreedMemory run by the filler after the decay released the kept chunks: makes the allocator give
     *     their memory back to the system ({@link NativeHeap#trim}), which a tuned malloc would otherwise keep
     */
    ArgumentChunks(
            ByteBufAllocator allocator,
            Executor filler,
            long keptBytesMax,
            LongSupplier nanoClock,
            Runnable returnFreedMemory) {
        this.allocator = allocator;
        this.filler = filler;
        this.keptBytesMax = keptBytesMax;
        this.nanoClock = nanoClock;
        this.returnFreedMemory = returnFreedMemory;
        this.lastUsedNanos = nanoClock.getAsLong();
    }

    /** An empty chunk of {@link #CHUNK_BYTES}, or null if none is ready: then {@link #refilled()} says when. */
    synchronized ByteBuf take() {
        lastUsedNanos = nanoClock.getAsLong();
        if (ready.size() <= READY_MIN) {
            startRefill();
        }
        return ready.poll();
    }

    /** Completes once the filler has made chunks ready (exceptionally if it could not allocate them). */
    synchronized CompletableFuture<Void> refilled() {
        if (ready.size() >= READY_MIN) {
            return CompletableFuture.completedFuture(null);
        }
        return startRefill();
    }

    /** Takes back a chunk no longer needed: kept for reuse while there is room, else released. */
    void give(ByteBuf chunk) {
        synchronized (this) {
            if (chunk.capacity() == CHUNK_BYTES && (long) (ready.size() + 1) * CHUNK_BYTES <= keptBytesMax) {
                chunk.clear();
                ready.add(chunk);
                lastUsedNanos = nanoClock.getAsLong();
                return;
            }
        }
        chunk.release();
    }

    /** Releases every kept chunk if none was taken or given back for {@link #DECAY_NANOS}; called by the cron. */
    void releaseIfIdle() {
        ArrayDeque<ByteBuf> released;
        synchronized (this) {
            if (ready.isEmpty() || nanoClock.getAsLong() - lastUsedNanos < DECAY_NANOS) {
                return;
            }
            released = new ArrayDeque<>(ready);
            ready.clear();
        }
        released.forEach(ByteBuf::release);
        try {
            filler.execute(returnFreedMemory); // off the event loop: a trim walks the whole C heap
        } catch (RejectedExecutionException e) {
            // The node is stopping: its memory goes back with the process.
        }
    }

    /** Releases every kept chunk; the node is stopping. */
    void releaseAll() {
        ArrayDeque<ByteBuf> released;
        synchronized (this) {
            released = new ArrayDeque<>(ready);
            ready.clear();
        }
        released.forEach(ByteBuf::release);
    }

    synchronized long keptBytes() {
        return (long) ready.size() * CHUNK_BYTES;
    }

    private CompletableFuture<Void> startRefill() {
        if (refill != null) {
            return refill;
        }
        CompletableFuture<Void> run = new CompletableFuture<>();
        refill = run;
        try {
            filler.execute(() -> fill(run));
        } catch (RejectedExecutionException stopping) {
            refill = null;
            run.completeExceptionally(stopping);
        }
        return run;
    }

    /** On the filler: allocates chunks until {@link #READY_MIN} are ready. */
    private void fill(CompletableFuture<Void> run) {
        try {
            while (true) {
                synchronized (this) {
                    if (ready.size() >= READY_MIN) {
                        refill = null;
                        break;
                    }
                }
                ByteBuf chunk = allocator.directBuffer(CHUNK_BYTES, CHUNK_BYTES);
                synchronized (this) {
                    ready.add(chunk);
                }
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            synchronized (this) {
                refill = null;
            }
            run.completeExceptionally(e);
            return;
        }
        run.complete(null);
    }
}
