package sdlab.coord.node;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sdlab.coord.server.ClientMessages;
import sdlab.coord.wire.Packets;
import sdlab.coord.wire.WireException;
import sdlab.core.NodeId;

/**
 * One ZooKeeper client's connection to a replicated server: the first packet is the handshake,
 * every later one a request; each goes to the node as a {@link ClientMessages} message. Bytes that
 * are not a packet close the connection with a log line; the session lives on.
 */
final class ReplicaConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ReplicaConnection.class);

    private final ReplicaFrontDoor door;
    private NodeId id;
    private boolean handshakeSent;

    ReplicaConnection(ReplicaFrontDoor door) {
        this.door = door;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        id = door.register(ctx.channel());
        ctx.fireChannelActive();
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
        if (!handshakeSent) {
            handshakeSent = true;
            door.fromClient(id, new ClientMessages.Connect(Packets.decodeConnectRequest(packet)));
            return;
        }
        Packets.Request request = Packets.decodeRequest(packet);
        door.fromClient(id, new ClientMessages.Request(request.header().xid(), request.body()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (id != null) {
            door.unregister(id);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
        ctx.close();
    }
}
