package sdlab.traffic.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The slowloris defence of an HTTP/1.1 connection: a client has {@code headerTimeoutMs} to send
 * a request's whole head, counted from the first bytes of it, or the connection is closed.
 *
 * <p>The idle timeout alone does not stop a client that sends one header line every few
 * seconds: each line is traffic, so the connection never idles, and it holds a connection and
 * a parse buffer for as long as the client likes. A deadline on the head does, and a
 * keep-alive connection waiting between requests is not affected: the clock starts only when
 * bytes of the next head arrive.
 *
 * <p>Two handlers share the state: {@link #beforeCodec()} sees the raw bytes and starts the
 * clock when a head is awaited; {@link #afterCodec()} sees the parsed request, stops the clock
 * at its head and awaits the next head once its body has ended. After an h2c upgrade both step
 * aside. The connection is closed without an answer: a response to an earlier request may still
 * be on its way, and a 408 could not be told apart from it.
 */
final class RequestHeadTimeout {
    private final long timeoutMs;
    private final Runnable onExpiry;
    private final BeforeCodec before = new BeforeCodec();
    private final AfterCodec after = new AfterCodec();

    private boolean awaitingHead = true;
    /** Made with the first bytes, when the connection's event loop is known. */
    private LazyDeadline deadline;

    /** {@code onExpiry} runs when a connection is closed for a late head (a metric). */
    RequestHeadTimeout(long timeoutMs, Runnable onExpiry) {
        this.timeoutMs = timeoutMs;
        this.onExpiry = onExpiry;
    }

    /** Goes right before the HTTP codec. */
    ChannelHandler beforeCodec() {
        return before;
    }

    /** Goes right after the HTTP codec (and the h2c upgrade handler, if any). */
    ChannelHandler afterCodec() {
        return after;
    }

    private void start(ChannelHandlerContext ctx) {
        if (deadline == null) {
            deadline = new LazyDeadline(ctx.executor(), timeoutMs, () -> expire(ctx));
        }
        deadline.start();
    }

    private void stop() {
        if (deadline != null) {
            deadline.clear();
        }
    }

    private boolean running() {
        return deadline != null && deadline.running();
    }

    private void expire(ChannelHandlerContext ctx) {
        if (awaitingHead && ctx.channel().isActive()) {
            onExpiry.run();
            ctx.close();
        }
    }

    private final class BeforeCodec extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (awaitingHead && !running() && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stop();
            ctx.fireChannelInactive();
        }
    }

    private final class AfterCodec extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                stop();
                awaitingHead = false;
            }
            if (msg instanceof LastHttpContent) {
                awaitingHead = true; // the next bytes start the next head
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof HttpServerUpgradeHandler.UpgradeEvent) {
                // Now HTTP/2, which frames its own way: no head to wait for.
                stop();
                awaitingHead = false;
                ctx.pipeline().remove(before);
                ctx.pipeline().remove(this);
            }
            ctx.fireUserEventTriggered(event);
        }
    }
}
