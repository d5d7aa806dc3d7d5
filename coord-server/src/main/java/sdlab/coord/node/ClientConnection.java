package sdlab.coord.node;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.coord.server.Answer;
import sdlab.coord.server.Handshake;
import sdlab.coord.wire.Packets;
import sdlab.coord.wire.WireException;

/**
 * One client's TCP connection: its first packet is the handshake, every later one a request of
 * the session the handshake opened or resumed. Replies go out in request order, each after the
 * watch events its request fired. Bytes that are not a packet close the connection with a log line.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    private static final long NO_SESSION = 0;

    private final CoordServer server;
    private long sessionId = NO_SESSION;

    ClientConnection(CoordServer server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws WireException {
        ByteBuf frame = (ByteBuf) msg;
        byte[] packet;
        try {
            packet = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        if (sessionId == NO_SESSION) {
            handshake(ctx, packet);
        } else {
            request(ctx, packet);
        }
    }

    private void handshake(ChannelHandlerContext ctx, byte[] packet) throws WireException {
        Handshake handshake = server.coordinator().connect(Packets.decodeConnectRequest(packet), server.nowMs());
        var written = CoordServer.send(ctx.channel(), Packets.encodeConnectResponse(handshake.response()));
        if (!handshake.accepted()) {
            written.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        sessionId = handshake.sessionId();
        server.attach(sessionId, ctx.channel());
    }

    private void request(ChannelHandlerContext ctx, byte[] packet) throws WireException {
        Packets.Request request = Packets.decodeRequest(packet);
        Answer answer = server.coordinator().handle(sessionId, request.header().xid(), request.body(), server.nowMs());
        server.deliver(answer.events());
        Packets.Reply reply = answer.reply();
        var written = CoordServer.send(ctx.channel(), Packets.encodeReply(reply.header(), reply.body()));
        if (answer.closeConnection()) {
            server.detach(sessionId, ctx.channel());
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // The session outlives its connection until it expires: the client may reconnect.
        if (sessionId != NO_SESSION) {
            server.detach(sessionId, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }
}
