package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One large bulk argument while it arrives, received without stalling the event loop.
 *
 * <p>The argument must end in one array of its declared length, and the JVM zeroes a new array
 * as it allocates it: for a quarter-gigabyte argument that, with the page faults of fresh heap,
 * takes from a fifth of a second on an idle machine to several seconds on a busy one, during
 * which no other client would be answered. So the array is allocated on another thread
 * ({@code allocator}). Until it is ready, arriving bytes are kept in pooled direct buffers,
 * outside the Java heap (kept as heap arrays they made the young collector copy hundreds of
 * megabytes of live chunks, a one-second pause), but at most {@link #EARLY_BYTES_MAX} of them:
 * past that, and when the whole argument is in before its array, the argument {@linkplain
 * #awaitingArray() waits} and the connection stops reading from this client until the array
 * is ready, leaving the rest in the socket. The event loop never waits for the allocation (it
 * once did, for up to 2.7 s, with a PING from another client waiting as long), and never copies
 * more than {@link #EARLY_BYTES_MAX} in one go. Once the array is ready, the chunks are copied in
 * and released, and later bytes go straight to it. Each byte is copied at most twice.
 *
 * <p>The array is asked for only after {@link #ALLOCATE_AFTER_BYTES} have arrived, so a client
 * that announces a huge argument and sends little holds little. Every byte held, chunks and
 * array alike, is taken from the node's {@link QueryBufferBudget} and from the client's own
 * limit first; going past either ends the connection.
 */
final class BigArgument {
    /** Bytes received before the whole array is asked for; smaller arguments get theirs at once. */
    static final int ALLOCATE_AFTER_BYTES = 1 << 20;
    /** Early bytes copied into the array per read, so that a long backlog does not hold the loop in one go. */
    static final int DRAIN_BYTES_PER_READ = 4 << 20;
    /**
     * Bytes kept in early chunks at most while the array is allocated: enough to overlap the
     * allocation with a fast client's first tens of milliseconds, little enough to copy in a few
     * milliseconds once the array is there.
     */
    static final int EARLY_BYTES_MAX = 16 << 20;

    private final int length;
    private final Executor allocator;
    private final QueryBufferBudget budget;
    private final long clientBytesMax;
    private final ArrayDeque<ByteBuf> early = new ArrayDeque<>();
    private long earlyBytes;
    private CompletableFuture<byte[]> pending;
    private byte[] array;
    private int received;
    /** Where the next early chunk goes in the array. */
    private int drainedAt;

    private long reservedBytes;
    private long bytesCopied;

    BigArgument(int length, Executor allocator, QueryBufferBudget budget, long clientBytesMax) {
        this.length = length;
        this.allocator = allocator;
        this.budget = budget;
        this.clientBytesMax = clientBytesMax;
    }

    /**
     * Moves what {@code in} holds of the argument (not the CRLF after it) into the argument, or
     * as much of it as the early chunks may hold while the array is being allocated.
     */
    void take(ByteBuf in) throws QueryBufferLimitException {
        if (array == null && length <= ALLOCATE_AFTER_BYTES && received < length) {
            reserve(length);
            array = new byte[length];
        }
        adoptIfReady();
        if (array != null && !early.isEmpty()) {
            drainEarly(DRAIN_BYTES_PER_READ);
        }
        int n = Math.min(length - received, in.readableBytes());
        if (array == null) {
            n = (int) Math.min(n, EARLY_BYTES_MAX - earlyBytes);
        }
        if (n <= 0) {
            return;
        }
        if (array != null && early.isEmpty()) {
            in.readBytes(array, received, n);
        } else {
            reserve(n);
            ByteBuf chunk = in.alloc().directBuffer(n, n);
            in.readBytes(chunk, n);
            early.add(chunk);
            earlyBytes += n;
        }
        received += n;
        bytesCopied += n;
        if (array == null && pending == null && received >= ALLOCATE_AFTER_BYTES) {
            reserve(length);
            int size = length;
            pending = CompletableFuture.supplyAsync(() -> new byte[size], allocator);
        }
    }

    /** True once every byte has arrived and the array is ready to hold them: {@link #finish()} may be called. */
    boolean complete() {
        adoptIfReady();
        return received == length && array != null;
    }

    /**
     * The allocation this argument waits for before it can take more bytes or finish, or null if it
     * does not wait. The connection stops reading until it completes, then hands the input again.
     */
    CompletableFuture<byte[]> awaitingArray() {
        adoptIfReady();
        if (array != null || pending == null) {
            return null;
        }
        return received == length || earlyBytes >= EARLY_BYTES_MAX ? pending : null;
    }

    /** The whole argument, once {@link #complete()}: the remaining early bytes (at most {@link #EARLY_BYTES_MAX}) copied in. */
    byte[] finish() {
        assert complete() : "finish before the argument arrived";
        drainEarly(Long.MAX_VALUE);
        return array;
    }

    /** Budget bytes held; the caller gives them back when the command has run or the client leaves. */
    long reservedBytes() {
        return reservedBytes;
    }

    long bytesCopied() {
        return bytesCopied;
    }

    private void adoptIfReady() {
        if (array == null && pending != null && pending.isDone()) {
            array = pending.join();
        }
    }

    /** Copies up to about {@code bytesMax} of the early chunks, oldest first, into the array. */
    private void drainEarly(long bytesMax) {
        long drained = 0;
        while (!early.isEmpty() && drained < bytesMax) {
            ByteBuf chunk = early.poll();
            int n = chunk.readableBytes();
            chunk.readBytes(array, drainedAt, n);
            chunk.release();
            drainedAt += n;
            earlyBytes -= n;
            drained += n;
            bytesCopied += n;
            budget.release(n);
            reservedBytes -= n;
        }
    }

    /** Releases the chunks of an argument that will never be finished; the caller gives back the budget. */
    void discard() {
        for (ByteBuf chunk = early.poll(); chunk != null; chunk = early.poll()) {
            chunk.release();
        }
        earlyBytes = 0;
    }

    private void reserve(long bytes) throws QueryBufferLimitException {
        if (reservedBytes + bytes > clientBytesMax) {
            throw new QueryBufferLimitException("its query buffer would pass client-query-buffer-limit");
        }
        if (!budget.tryReserve(bytes)) {
            throw new QueryBufferLimitException("the node's query buffers would pass maxmemory-clients");
        }
        reservedBytes += bytes;
    }
}
