package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import sdlab.cache.memcached.MemcachedStore;

/**
 * One memcached text-protocol client: finds each command line in the input, has {@link
 * MemcachedCommands} run it, and sends the replies of everything one read brought in a single
 * write when the read is complete. Lines are commands; storage commands are followed by a data
 * block of the announced length and CRLF. Connections run on several threads and share the
 * thread-safe {@link MemcachedStore}.
 *
 * <p>It is the connection's only handler and reads each received buffer itself rather than
 * through a {@code ByteToMessageDecoder}: nothing is decoded into messages for a next handler,
 * so the decoder's output list and its bookkeeping per read would be pure cost on the port's
 * hottest path. What the decoder did that matters is kept: input that ends inside a line or a
 * data block stays {@link #input buffered} (later reads are appended to it, as the decoder's
 * merge cumulator appends) and is read again from the line's start when more has come. The
 * reply buffer is kept too: once the socket has taken a write whole, the same buffer takes the
 * next read's replies, so a request costs no buffer allocation on the way out.
 */
final class MemcachedConnection extends ChannelInboundHandlerAdapter {
    /** The longest command line accepted; longer lines close the connection. */
    static final int LINE_BYTES_MAX = 64 * 1024;
    /**
     * The longest retrieval line ({@code get}, {@code gets}, {@code gat}, {@code gats}): clients
     * fetch thousands of keys in one line, and memcached serves 18,000 keys on one.
     */
    static final int RETRIEVAL_LINE_BYTES_MAX = 4 * 1024 * 1024;

    static final String VERSION = "1.6.0-sdlab";

    /** A reply buffer up to this size is kept for the next read; a larger one (a big multi-get) is let go. */
    private static final int REPLY_BYTES_KEPT = 16 * 1024;

    private final MemcachedFrontDoor door;
    private final MemcachedCommands commands;
    private final MemcachedCommandLine line = new MemcachedCommandLine();
    /** Input not yet served: a partial line or data block left by earlier reads; null when there is none. */
    private ByteBuf input;
    /** The replies of the current read, sent when it is complete; null until a read needs one. */
    private ByteBuf out;
    /** Bytes of a data block still to read and drop: one too large to store, or one already read. */
    private long swallowBytes;

    private boolean closing;
    private boolean admitted;
    /** Bytes at the start of the input already searched for a line end, so a long line is scanned once. */
    private int lineScanned;

    MemcachedConnection(MemcachedStore store, MemcachedFrontDoor door) {
        this.door = door;
        this.commands = new MemcachedCommands(store, door);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf received = (ByteBuf) msg;
        if (closing) {
            received.release();
            return;
        }
        ByteBuf in =
                input == null ? received : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), input, received);
        input = null;
        if (out == null) {
            out = ctx.alloc().ioBuffer(256);
        }
        boolean served = false;
        try {
            serve(in);
            served = true;
        } finally {
            if (served && in.isReadable() && !closing) {
                in.discardSomeReadBytes(); // as the decoder did: served bytes need not be kept
                input = in;
            } else {
                in.release(); // all served, or the connection is closing (exceptionCaught closes it)
            }
        }
    }

    /** Runs every whole command in {@code in}, leaving its reader index at the first byte not yet served. */
    private void serve(ByteBuf in) {
        while (in.isReadable() && !closing) {
            if (swallowBytes > 0) {
                int n = (int) Math.min(swallowBytes, in.readableBytes());
                in.skipBytes(n);
                swallowBytes -= n;
                continue;
            }
            int from = in.readerIndex() + Math.min(lineScanned, in.readableBytes());
            int lf = in.forEachByte(from, in.writerIndex() - from, ByteProcessor.FIND_LF);
            if (lf < 0) {
                lineScanned = in.readableBytes();
                if (in.readableBytes() > lineBytesMax(in)) {
                    MemcachedReplies.line(out, "CLIENT_ERROR line too long");
                    closing = true;
                }
                return;
            }
            lineScanned = 0;
            if (lf - in.readerIndex() > lineBytesMax(in)) {
                // The same verdict whether the line's end came in the read that overflowed it or a later one:
                // how TCP cut the stream must not decide whether an oversized line is served.
                MemcachedReplies.line(out, "CLIENT_ERROR line too long");
                closing = true;
                return;
            }
            int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            long after = commands.execute(line.scan(in, in.readerIndex(), end), in, lf + 1, out);
            if (after == MemcachedCommands.WAIT_FOR_DATA) {
                return; // the line is read again when more input has come
            }
            in.readerIndex(lf + 1);
            if (after == MemcachedCommands.QUIT) {
                closing = true;
            } else {
                swallowBytes = after;
            }
        }
    }

    /** How long the line starting at the reader index may grow: longer for a retrieval command. */
    private static int lineBytesMax(ByteBuf in) {
        int start = in.readerIndex();
        boolean retrieval = in.readableBytes() > 4
                && in.getByte(start) == 'g'
                && (in.getByte(start + 1) == 'e' || in.getByte(start + 1) == 'a')
                && in.getByte(start + 2) == 't';
        return retrieval ? RETRIEVAL_LINE_BYTES_MAX : LINE_BYTES_MAX;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (out != null && out.isReadable()) {
            flushReplies(ctx);
        }
        if (closing) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        // Not passed on: this is the pipeline's last handler, and the tail has nothing to do with it.
    }

    /**
     * Writes the replies and flushes them. The buffer is held once more across the write, so that
     * if the socket took it whole (the write released its hold) it is cleared and kept for the
     * next read; if part waits for the socket, the write keeps the buffer and the next read gets
     * a new one.
     */
    private void flushReplies(ChannelHandlerContext ctx) {
        ByteBuf replies = out;
        boolean keep = !closing && replies.capacity() <= REPLY_BYTES_KEPT;
        if (keep) {
            replies.retain();
        }
        ctx.writeAndFlush(replies, ctx.voidPromise());
        if (keep && replies.refCnt() == 1) {
            replies.clear();
        } else {
            if (keep) {
                replies.release();
            }
            out = null;
        }
    }

    /** The client closed its sending side: answer what it sent, then close. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        super.userEventTriggered(ctx, event);
        if (event instanceof ChannelInputShutdownEvent) {
            closing = true;
            channelReadComplete(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!door.admit()) {
            ctx.writeAndFlush(Unpooled.copiedBuffer("ERROR Too many open connections\r\n", StandardCharsets.US_ASCII))
                    .addListener(ChannelFutureListener.CLOSE);
            closing = true;
            return;
        }
        admitted = true;
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (admitted) {
            admitted = false;
            door.leave();
        }
        if (input != null) {
            input.release(); // a partial command the client will never finish
            input = null;
        }
        if (out != null) {
            out.release();
            out = null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
