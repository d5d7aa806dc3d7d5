package sdlab.cache.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sdlab.cache.memcached.MemcachedStore;

/**
 * One memcached text-protocol client: finds each command line in the input, has {@link
 * MemcachedCommands} run it, and sends the replies of everything one read brought in a single
 * write when the read is complete. Lines are commands; storage commands are followed by a data
 * block of the announced length and CRLF. Connections run on several threads and share the
 * thread-safe {@link MemcachedStore}.
 */
final class MemcachedConnection extends ByteToMessageDecoder {
    /** The longest command line accepted; longer lines close the connection. */
    static final int LINE_BYTES_MAX = 64 * 1024;
    /**
     * The longest retrieval line ({@code get}, {@code gets}, {@code gat}, {@code gats}): clients
     * fetch thousands of keys in one line, and memcached serves 18,000 keys on one.
     */
    static final int RETRIEVAL_LINE_BYTES_MAX = 4 * 1024 * 1024;

    static final String VERSION = "1.6.0-sdlab";

    private final MemcachedFrontDoor door;
    private final MemcachedCommands commands;
    private final MemcachedCommandLine line = new MemcachedCommandLine();
    /** The replies of the current read, sent when it is complete; null between reads. */
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
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> unused) {
        if (out == null) {
            out = ctx.alloc().ioBuffer(256);
        }
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
        if (closing) {
            in.skipBytes(in.readableBytes());
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
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        if (out != null && out.isReadable()) {
            ctx.writeAndFlush(out, ctx.voidPromise());
            out = null;
        }
        if (closing) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        super.channelReadComplete(ctx);
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
        super.channelInactive(ctx); // decodes what is left of the input, which may write replies
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
