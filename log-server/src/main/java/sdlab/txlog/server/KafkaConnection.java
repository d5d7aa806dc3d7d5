package sdlab.txlog.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, on the node's event loop. A frame (its size prefix already taken off) is a request header
 * and body; answers leave in the order their requests came, as Kafka promises, even when a later request (Metadata)
 * is ready before an earlier one (a Fetch waiting for data). A request that does not parse, an API key this broker
 * does not know, or a version it does not serve (except ApiVersions, which has its own answer for that) closes the
 * connection, as a Kafka broker does; the broker itself carries on.
 */
final class KafkaConnection extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(KafkaConnection.class);
    /** Kafka lets a client have at most a few requests in flight; more than this is a client gone wrong. */
    static final int REQUESTS_IN_FLIGHT_MAX = 100;

    /** One request's place in the answer order. */
    private static final class Slot {
        final int correlationId;
        final boolean taggedHeader;
        boolean done;
        ByteBuf body;

        Slot(int correlationId, boolean taggedHeader) {
            this.correlationId = correlationId;
            this.taggedHeader = taggedHeader;
        }
    }

    private final KafkaApis apis;
    private final Deque<Slot> inFlight = new ArrayDeque<>();

    KafkaConnection(KafkaApis apis) {
        this.apis = apis;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf frame = (ByteBuf) message;
        try {
            request(ctx, new KafkaReader(frame));
        } catch (KafkaProtocolException | IndexOutOfBoundsException e) {
            refuse(ctx, "a malformed request (" + e.getMessage() + ")");
        } finally {
            frame.release();
        }
    }

    private void request(ChannelHandlerContext ctx, KafkaReader in) {
        RequestHeader header = RequestHeader.read(in);
        Optional<ServedApi> api = ServedApi.byKey(header.apiKey());
        if (api.isEmpty()) {
            refuse(ctx, "API key " + header.apiKey() + ", which this broker does not serve");
            return;
        }
        if (inFlight.size() >= REQUESTS_IN_FLIGHT_MAX) {
            refuse(ctx, "more than " + REQUESTS_IN_FLIGHT_MAX + " requests in flight");
            return;
        }
        if (!api.get().serves(header.apiVersion())) {
            if (api.get() == ServedApi.API_VERSIONS) {
                Slot slot = enqueue(header.correlationId(), false);
                finish(ctx, slot, ApiVersionsApi.unsupportedVersion());
                return;
            }
            refuse(ctx, api.get() + " v" + header.apiVersion() + ", which this broker does not serve");
            return;
        }
        in.skipTaggedFields(); // request header v2
        // ApiVersions answers with header v0 whatever its version, so an old client can always read it.
        Slot slot = enqueue(header.correlationId(), api.get() != ServedApi.API_VERSIONS);
        int port = ((InetSocketAddress) ctx.channel().localAddress()).getPort();
        apis.handle(api.get(), in, port, ctx.executor()).whenComplete((body, failure) -> {
            if (failure != null) {
                log.error("closing {}: {} failed", ctx.channel().remoteAddress(), api.get(), failure);
                ctx.close();
                return;
            }
            finish(ctx, slot, body);
        });
    }

    private Slot enqueue(int correlationId, boolean taggedHeader) {
        Slot slot = new Slot(correlationId, taggedHeader);
        inFlight.addLast(slot);
        return slot;
    }

    /** Marks a request answered ({@code body} null: no answer is sent) and writes every answer now due. */
    private void finish(ChannelHandlerContext ctx, Slot slot, ByteBuf body) {
        slot.done = true;
        slot.body = body;
        boolean wrote = false;
        while (!inFlight.isEmpty() && inFlight.peekFirst().done) {
            Slot next = inFlight.removeFirst();
            if (next.body != null) {
                ctx.write(frame(next));
                wrote = true;
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private static ByteBuf frame(Slot slot) {
        int headerBytes = slot.taggedHeader ? 5 : 4;
        ByteBuf out = Unpooled.buffer(4 + headerBytes + slot.body.readableBytes());
        out.writeInt(headerBytes + slot.body.readableBytes()).writeInt(slot.correlationId);
        if (slot.taggedHeader) {
            out.writeByte(0); // no tagged fields in response header v1
        }
        out.writeBytes(slot.body);
        slot.body.release();
        return out;
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        log.warn("closing connection from {}: {}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, cause.toString());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inFlight.forEach(slot -> {
            if (slot.body != null) {
                slot.body.release();
            }
        });
        inFlight.clear();
        ctx.fireChannelInactive();
    }
}
