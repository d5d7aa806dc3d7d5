package sdlab.runtime.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import sdlab.core.NodeId;
import sdlab.runtime.wire.FrameReader;
import sdlab.runtime.wire.WireFormatException;

/**
 * Reads one connection: splits its bytes into frames and hands them to the transport. On a
 * connection this side accepted, the first frame must be a {@link Handshake.Hello}; until then
 * the sender is unknown. Any malformed frame closes the connection with a log line, never more:
 * a peer that sends garbage loses its connection, the node goes on.
 */
final class FrameHandler extends ChannelInboundHandlerAdapter {
    /** The most a stranger may send before its hello is complete: a hello is a few dozen bytes. */
    static final int BEFORE_HELLO_BYTES_MAX = 4096;

    /** How long a stranger has to say hello before its connection is closed. */
    static final Duration HELLO_WAIT = Duration.ofSeconds(10);

    private final Transport transport;
    private final FrameReader reader;
    private NodeId peer;

    /** A handler for a connection to {@code peer}, or from an unknown peer when it is null. */
    FrameHandler(Transport transport, int frameBytesMax, NodeId peer) {
        this.transport = transport;
        this.reader = new FrameReader(frameBytesMax);
        this.peer = peer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (peer == null) {
            // A connection that never says hello would hold its socket and buffer for good.
            ctx.executor()
                    .schedule(
                            () -> {
                                if (peer == null && ctx.channel().isOpen()) {
                                    transport.log("closing " + describe(ctx) + ": no hello within " + HELLO_WAIT);
                                    ctx.close();
                                }
                            },
                            HELLO_WAIT.toMillis(),
                            TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        try {
            byte[] chunk = new byte[bytes.readableBytes()];
            bytes.readBytes(chunk);
            reader.append(chunk, 0, chunk.length);
        } finally {
            bytes.release();
        }
        try {
            if (peer == null && reader.buffered() > BEFORE_HELLO_BYTES_MAX) {
                // Refused before the frame is whole: the reader would otherwise hold up to a full frame.
                throw new WireFormatException(
                        "more than " + BEFORE_HELLO_BYTES_MAX + " bytes before a complete hello", 0);
            }
            for (Optional<byte[]> frame = reader.next(); frame.isPresent(); frame = reader.next()) {
                if (!ctx.channel().isOpen()) {
                    return;
                }
                if (peer == null) {
                    peer = transport.accepted(ctx.channel(), frame.get());
                } else {
                    transport.received(peer, frame.get(), ctx.channel());
                }
            }
        } catch (WireFormatException e) {
            transport.log("closing the connection from " + describe(ctx) + ": " + e.getMessage());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer != null) {
            transport.closed(peer, ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset or a broken pipe: the link reconnects; a client connects again if it wants.
        transport.log("connection " + describe(ctx) + " failed: " + cause);
        ctx.close();
    }

    private String describe(ChannelHandlerContext ctx) {
        return (peer == null ? "an unknown peer" : peer.name()) + " at "
                + ctx.channel().remoteAddress();
    }
}
