package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ByteProcessor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Reads client requests straight from the connection's buffer: RESP arrays of bulk strings
 * ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}) and inline commands ({@code GET k\r\n}).
 *
 * <p>It keeps its place across reads, so a large pipelined or partial request is parsed once,
 * not re-parsed from the start on every packet; the only allocations are one array per
 * argument and one per command. Limits and their error texts are Redis's: multibulk counts
 * above {@code Integer.MAX_VALUE}, bulk lengths above {@code proto-max-bulk-len}, header and
 * inline lines longer than 64 KiB, and, before AUTH, more than 10 arguments or bulks longer
 * than 16 KiB.
 *
 * <p>A large bulk argument (32 KiB or more, Redis's {@code PROTO_MBULK_BIG_ARG}) is not left to
 * pile up in the connection's input buffer, which Netty grows by 4 MiB at a time above 4 MiB and
 * so copies a quarter-gigabyte argument some sixty times. It is moved out as it arrives into a
 * {@link BigArgument}, which keeps the input buffer small, copies each byte at most twice and
 * takes its memory from the node's {@link QueryBufferBudget}. While such an argument waits for a
 * chunk or for its array, both made off the event loop, {@link #awaiting()} says what for: the
 * connection reads no more from that client until it is ready, then decodes again.
 */
final class RespDecoder {
    /** Receives each complete command; returns false to stop decoding (the client is closing). */
    interface Sink {
        boolean command(byte[][] argv);
    }

    static final int UNAUTHENTICATED_ARGS_MAX = 10;
    static final int UNAUTHENTICATED_BULK_MAX = 16 * 1024;
    /** Bulk arguments this long or longer are collected in an array of their own. */
    static final int BIG_ARG_BYTES = 32 * 1024;

    private static final int ARGS_PREALLOCATED_MAX = 1024;
    private static final long INVALID = Long.MIN_VALUE;

    private final long bulkBytesMax;
    private final int inlineBytesMax;
    private final long queryBufferBytesMax;
    private final QueryBufferBudget budget;
    private final Executor assembler;
    private final ArgumentChunks chunks;

    private byte[][] args;
    private int argsExpected;
    private int argsRead;
    private long bulkLength = -1;
    /** The big argument being received, if any. */
    private BigArgument big;
    /** Budget bytes held by the current command's big arguments, given back once it has run. */
    private long bigReservedBytes;
    /** Bytes copied out of the input, for tests of linearity: at most twice what arrived. */
    private long bytesCopied;

    /**
     * @param bulkBytesMax the longest bulk argument ({@code proto-max-bulk-len})
     * @param inlineBytesMax the longest inline command or header line
     * @param queryBufferBytesMax the most one client's request in progress may hold ({@code client-query-buffer-limit})
     * @param budget the node-wide bound on requests in progress
     * @param assembler where the arrays of big arguments are allocated and filled, off the event loop
     */
    RespDecoder(
            long bulkBytesMax,
            int inlineBytesMax,
            long queryBufferBytesMax,
            QueryBufferBudget budget,
            Executor assembler) {
        this(
                bulkBytesMax,
                inlineBytesMax,
                queryBufferBytesMax,
                budget,
                assembler,
                new ArgumentChunks(
                        new UnpooledByteBufAllocator(true),
                        assembler,
                        queryBufferBytesMax,
                        System::nanoTime,
                        NativeHeap::trim));
    }

    /** As above, with big arguments' chunks from {@code chunks}, which the node's decoders share. */
    RespDecoder(
            long bulkBytesMax,
            int inlineBytesMax,
            long queryBufferBytesMax,
            QueryBufferBudget budget,
            Executor assembler,
            ArgumentChunks chunks) {
        this.bulkBytesMax = bulkBytesMax;
        this.inlineBytesMax = inlineBytesMax;
        this.queryBufferBytesMax = queryBufferBytesMax;
        this.budget = budget;
        this.assembler = assembler;
        this.chunks = chunks;
    }

    /** Gives back what a request in progress holds; the connection is closing. */
    void release() {
        if (big != null) {
            big.discard();
            budget.release(big.reservedBytes());
            big = null;
        }
        budget.release(bigReservedBytes);
        bigReservedBytes = 0;
    }

    long bytesCopied() {
        return bytesCopied;
    }

    /**
     * What the request in progress waits for before more of the input can be decoded (the array
     * of a big argument, or a chunk for it), or null. Decoding again before it completes
     * takes nothing more.
     */
    CompletableFuture<?> awaiting() {
        return big == null ? null : big.awaiting();
    }

    /** Decodes every complete command in {@code in}; an incomplete one stays unread for the next call. */
    void decode(ByteBuf in, boolean authenticated, Sink sink) throws RespProtocolException {
        while (in.isReadable()) {
            if (args == null && in.getByte(in.readerIndex()) != '*') {
                Inline inline = readInline(in, sink);
                if (inline != Inline.CONTINUE) {
                    return;
                }
                continue;
            }
            if (args == null) {
                if (!readArrayHeader(in, authenticated)) {
                    return;
                }
                if (args == null) {
                    continue; // an empty or null array is skipped, as Redis does
                }
            }
            if (!readBulks(in, authenticated)) {
                return;
            }
            byte[][] command = args;
            args = null;
            // The big arguments now belong to the command (and, if stored, to maxmemory's count).
            budget.release(bigReservedBytes);
            bigReservedBytes = 0;
            if (!sink.command(command)) {
                return;
            }
        }
    }

    private boolean readArrayHeader(ByteBuf in, boolean authenticated) throws RespProtocolException {
        int cr = findCr(in, "too big mbulk count string");
        if (cr < 0) {
            return false;
        }
        long count = parseLong(in, in.readerIndex() + 1, cr);
        if (count == INVALID || count > Integer.MAX_VALUE) {
            throw new RespProtocolException("invalid multibulk length");
        }
        if (count > UNAUTHENTICATED_ARGS_MAX && !authenticated) {
            throw new RespProtocolException("unauthenticated multibulk length");
        }
        in.readerIndex(cr + 2);
        if (count > 0) {
            argsExpected = (int) count;
            argsRead = 0;
            args = new byte[(int) Math.min(count, ARGS_PREALLOCATED_MAX)][];
        }
        return true;
    }

    private boolean readBulks(ByteBuf in, boolean authenticated) throws RespProtocolException {
        while (argsRead < argsExpected) {
            if (bulkLength < 0 && !readBulkHeader(in, authenticated)) {
                return false;
            }
            byte[] arg;
            if (bulkLength >= BIG_ARG_BYTES) {
                arg = receiveBig(in);
                if (arg == null) {
                    return false;
                }
            } else {
                if (in.readableBytes() < bulkLength + 2) {
                    return false;
                }
                arg = copyBulk(in, (int) bulkLength);
                bytesCopied += arg.length;
                in.skipBytes(arg.length + 2); // Redis does not check that the last two are CRLF either
            }
            if (argsRead == args.length) {
                args = Arrays.copyOf(args, (int) Math.min((long) args.length * 2, argsExpected));
            }
            args[argsRead++] = arg;
            bulkLength = -1;
        }
        return true;
    }

    /**
     * Moves what has arrived of a big argument out of the input. Returns the argument once all
     * of it and the two bytes after it are in and its array is assembled, else null.
     */
    private byte[] receiveBig(ByteBuf in) throws QueryBufferLimitException {
        if (big == null) {
            big = new BigArgument((int) bulkLength, assembler, chunks, budget, queryBufferBytesMax);
        }
        big.take(in);
        if (!big.complete() || in.readableBytes() < 2) {
            return null;
        }
        in.skipBytes(2);
        byte[] arg = big.finish();
        bigReservedBytes += big.reservedBytes();
        bytesCopied += big.bytesCopied();
        big = null;
        return arg;
    }

    /**
     * Copies {@code length} bytes at the reader index. A buffer with a memory address (Netty has
     * {@code Unsafe}, as under the launcher) or an array copies straight; otherwise through the
     * buffer's internal NIO view, because a plain {@code getBytes} on a direct buffer without
     * {@code Unsafe} allocates a {@code ByteBuffer} duplicate per call. (The NIO view is no
     * better when it need not be: some buffers make a slice for it every time.)
     */
    private static byte[] copyBulk(ByteBuf in, int length) {
        byte[] arg = new byte[length];
        if (!in.hasMemoryAddress() && !in.hasArray() && in.nioBufferCount() == 1) {
            in.internalNioBuffer(in.readerIndex(), length).get(arg);
        } else {
            in.getBytes(in.readerIndex(), arg);
        }
        return arg;
    }

    private boolean readBulkHeader(ByteBuf in, boolean authenticated) throws RespProtocolException {
        if (!in.isReadable()) {
            return false;
        }
        byte marker = in.getByte(in.readerIndex());
        if (marker != '$') {
            throw new RespProtocolException("expected '$', got '" + (char) (marker & 0xff) + "'");
        }
        int cr = findCr(in, "too big bulk count string");
        if (cr < 0) {
            return false;
        }
        long length = parseLong(in, in.readerIndex() + 1, cr);
        if (length == INVALID || length < 0 || length > bulkBytesMax || length > Integer.MAX_VALUE - 2) {
            throw new RespProtocolException("invalid bulk length");
        }
        if (length > UNAUTHENTICATED_BULK_MAX && !authenticated) {
            throw new RespProtocolException("unauthenticated bulk length");
        }
        in.readerIndex(cr + 2);
        bulkLength = length;
        return true;
    }

    /** What reading an inline line led to. */
    private enum Inline {
        NEED_MORE,
        CONTINUE,
        STOP
    }

    /** An inline command: one line of space-separated words, for telnet users. */
    private Inline readInline(ByteBuf in, Sink sink) throws RespProtocolException {
        int start = in.readerIndex();
        int lf = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_LF);
        if (lf < 0) {
            if (in.readableBytes() > inlineBytesMax) {
                throw new RespProtocolException("too big inline request");
            }
            return Inline.NEED_MORE;
        }
        int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        byte[] line = new byte[end - start];
        in.getBytes(start, line);
        in.readerIndex(lf + 1);
        List<byte[]> words = InlineSplitter.split(line);
        if (words == null) {
            throw new RespProtocolException("unbalanced quotes in request");
        }
        if (!words.isEmpty() && !sink.command(words.toArray(new byte[0][]))) {
            return Inline.STOP;
        }
        return Inline.CONTINUE;
    }

    /** The index of the CR ending the header line (with its LF available), or -1 to wait for more. */
    private int findCr(ByteBuf in, String tooLong) throws RespProtocolException {
        int start = in.readerIndex();
        int cr = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_CR);
        if (cr < 0 || cr + 1 >= in.writerIndex()) {
            if (in.readableBytes() > inlineBytesMax) {
                throw new RespProtocolException(tooLong);
            }
            return -1;
        }
        return cr;
    }

    /** Redis's string2ll over the bytes [start, end): canonical decimal, or {@link #INVALID}. */
    private static long parseLong(ByteBuf in, int start, int end) {
        int length = end - start;
        if (length < 1 || length > 20) {
            return INVALID;
        }
        boolean negative = in.getByte(start) == '-';
        int i = negative ? start + 1 : start;
        if (i == end) {
            return INVALID;
        }
        if (in.getByte(i) == '0') {
            return end - i == 1 && !negative ? 0 : INVALID;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = in.getByte(i) - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }
}
