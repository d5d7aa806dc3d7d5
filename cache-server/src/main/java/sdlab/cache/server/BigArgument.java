package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One large bulk argument while it arrives, received without stalling the event loop and
 * without leaving memory behind if it never finishes.
 *
 * <p>The argument must end in one array of its declared length. The JVM zeroes a new array as
 * it allocates it, so an array of the declared length costs its whole size in resident memory
 * at once, where Redis's {@code malloc} of the same size costs only the pages that bytes arrive
 * in. And under the parallel collector a heap array, once dropped, stays resident for good: the
 * old generation grows rather than being collected, and a collection does not give memory back.
 * Twelve clients announcing {@code $536870000} bulks and leaving once left the node 500 MiB
 * above its baseline that way. So the bytes arrive into direct {@link ArgumentChunks}, taken
 * as they are needed and given back when the argument is done with them, and the array is made
 * only when the last byte is in: an argument that is never finished never touches the heap.
 * The array is allocated, filled from the chunks and the chunks given back on another thread
 * ({@code assembler}); meanwhile the connection stops reading from this client ({@link
 * #awaiting()}) and the event loop serves the others. It also stops reading while no chunk is
 * ready. Each byte is copied twice, once on each thread, and the event loop never copies more
 * than one read's worth in one go.
 *
 * <p>Every byte held is taken from the node's {@link QueryBufferBudget} and from the client's
 * own limit first; going past either ends the connection. The first chunk is counted as it is
 * taken; from the second on, the whole declared length is, as Redis counts the query buffer it
 * sizes from the declared length, so a dozen clients announcing half-gigabyte bulks are evicted
 * after their first mebibyte. While the array is assembled the chunks and the array exist
 * together, for the fraction of a second of the copy, counted once.
 */
final class BigArgument {
    /** The largest argument that goes straight into its array, allocated on the event loop at once. */
    static final int DIRECT_TO_ARRAY_BYTES_MAX = ArgumentChunks.CHUNK_BYTES;

    private final int length;
    private final Executor assembler;
    private final ArgumentChunks chunkSource;
    private final QueryBufferBudget budget;
    private final long clientBytesMax;
    /** Chunks held by this argument; handed to the assembler (and emptied) once all bytes are in. */
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    /** The filler's run this argument waits for, having found no chunk ready; or null. */
    private CompletableFuture<Void> chunkWait;

    private CompletableFuture<byte[]> assembly;
    private byte[] array;
    private int received;

    private long reservedBytes;
    private long bytesCopied;

    /**
     * @param length the declared length
     * @param assembler where the array of an argument over {@link #DIRECT_TO_ARRAY_BYTES_MAX} is allocated and filled
     * @param chunkSource where the chunks come from and go back to
     * @param budget the node-wide bound on requests in progress
     * @param clientBytesMax the most this client's request may hold ({@code client-query-buffer-limit})
     */
    BigArgument(
            int length, Executor assembler, ArgumentChunks chunkSource, QueryBufferBudget budget, long clientBytesMax) {
        this.length = length;
        this.assembler = assembler;
        this.chunkSource = chunkSource;
        this.budget = budget;
        this.clientBytesMax = clientBytesMax;
    }

    /**
     * Moves what {@code in} holds of the argument (not the CRLF after it) into the argument, or as
     * much as the ready chunks take; with the last byte, starts the assembly of the array.
     */
    void take(ByteBuf in) throws QueryBufferLimitException {
        if (chunkWait != null) {
            if (!chunkWait.isDone()) {
                return;
            }
            if (chunkWait.isCompletedExceptionally()) {
                throw new QueryBufferLimitException("no memory for its argument's chunks");
            }
            chunkWait = null;
        }
        int n = Math.min(length - received, in.readableBytes());
        if (n <= 0) {
            return;
        }
        if (length <= DIRECT_TO_ARRAY_BYTES_MAX) {
            if (array == null) {
                reserve(length);
                array = new byte[length];
            }
            in.readBytes(array, received, n);
        } else {
            n = takeIntoChunks(in, n);
        }
        received += n;
        bytesCopied += n;
        if (received == length && array == null) {
            startAssembly();
        }
    }

    /** Copies up to {@code bytes} into chunks; returns how many, fewer if no chunk was ready. */
    private int takeIntoChunks(ByteBuf in, int bytes) throws QueryBufferLimitException {
        int taken = 0;
        while (taken < bytes) {
            ByteBuf chunk = chunks.peekLast();
            if (chunk == null || !chunk.isWritable()) {
                chunk = nextChunk();
                if (chunk == null) {
                    break;
                }
            }
            int n = Math.min(bytes - taken, chunk.writableBytes());
            in.readBytes(chunk, n);
            taken += n;
        }
        return taken;
    }

    /** A ready chunk, with its bytes reserved; or null, and {@link #chunkWait} set, if none is ready. */
    private ByteBuf nextChunk() throws QueryBufferLimitException {
        long counted = chunks.isEmpty() ? ArgumentChunks.CHUNK_BYTES : length;
        if (reservedBytes < counted) {
            reserve(counted - reservedBytes);
        }
        ByteBuf chunk = chunkSource.take();
        if (chunk == null) {
            chunkWait = chunkSource.refilled();
            return null;
        }
        chunks.add(chunk);
        return chunk;
    }

    /** Hands the chunks to the assembler, which owns and releases them from now on. */
    private void startAssembly() throws QueryBufferLimitException {
        ArrayDeque<ByteBuf> parts = new ArrayDeque<>(chunks);
        chunks.clear();
        int size = length;
        try {
            assembly = CompletableFuture.supplyAsync(() -> assemble(parts, size, chunkSource), assembler);
        } catch (RejectedExecutionException stopping) {
            parts.forEach(chunkSource::give);
            throw new QueryBufferLimitException("the node is stopping");
        }
        bytesCopied += length;
    }

    /** Copies {@code parts} in order into one array of {@code size} bytes, giving each part back once copied. */
    static byte[] assemble(ArrayDeque<ByteBuf> parts, int size, ArgumentChunks chunkSource) {
        try {
            byte[] whole = new byte[size];
            int at = 0;
            for (ByteBuf part = parts.poll(); part != null; part = parts.poll()) {
                int n = part.readableBytes();
                part.readBytes(whole, at, n);
                chunkSource.give(part);
                at += n;
            }
            assert at == size : "assembled " + at + " of " + size + " bytes";
            return whole;
        } finally {
            parts.forEach(chunkSource::give);
        }
    }

    /**
     * True once every byte has arrived and the array holds them: {@link #finish()} may be called.
     *
     * @throws QueryBufferLimitException if the array could not be allocated
     */
    boolean complete() throws QueryBufferLimitException {
        if (array == null && assembly != null && assembly.isDone()) {
            try {
                array = assembly.join();
            } catch (CompletionException e) {
                throw new QueryBufferLimitException("its argument's array could not be allocated: " + e.getCause());
            }
        }
        return received == length && array != null;
    }

    /**
     * What this argument waits for before it can take more bytes or finish (a ready chunk, or the
     * assembly of its array), or null if it does not wait. The connection stops reading until it
     * completes, then hands the input again.
     */
    CompletableFuture<?> awaiting() {
        if (chunkWait != null && !chunkWait.isDone()) {
            return chunkWait;
        }
        return assembly == null || assembly.isDone() ? null : assembly;
    }

    /** The whole argument, once {@link #complete()}. */
    byte[] finish() {
        assert received == length && array != null : "finish before the argument arrived";
        return array;
    }

    /** Budget bytes held; the caller gives them back when the command has run or the client leaves. */
    long reservedBytes() {
        return reservedBytes;
    }

    long bytesCopied() {
        return bytesCopied;
    }

    /**
     * Gives back the chunks of an argument that will never be finished; the caller gives back the
     * budget. Chunks already handed to the assembler are given back by it.
     */
    void discard() {
        for (ByteBuf chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
            chunkSource.give(chunk);
        }
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
