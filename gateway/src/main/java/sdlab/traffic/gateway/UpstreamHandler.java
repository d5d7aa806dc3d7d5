package sdlab.traffic.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of an upstream connection's pipeline: hands what the server sends to the exchange
 * that currently owns the connection. A pooled connection has no owner, and a server that
 * speaks then (or closes) only ends its own connection.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private final long responseTimeoutMs;
    private ProxyHandler owner;
    /** From a request sent until its response starts; lives with the (pooled, long-lived) connection. */
    private LazyDeadline responseDeadline;

    UpstreamHandler(long responseTimeoutMs) {
        this.responseTimeoutMs = responseTimeoutMs;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        responseDeadline = new LazyDeadline(ctx.executor(), responseTimeoutMs, this::responseTimedOut);
    }

    /** {@code exchangeOwner}'s request is on its way: its response must start within the timeout. */
    void attach(ProxyHandler exchangeOwner) {
        owner = exchangeOwner;
        responseDeadline.start();
    }

    /** The response started (the server is answering, however long its body takes), or the exchange ended. */
    void stopResponseDeadline() {
        responseDeadline.clear();
    }

    void detach() {
        owner = null;
        responseDeadline.clear();
    }

    private void responseTimedOut() {
        if (owner != null) {
            owner.onResponseTimeout();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner != null && msg instanceof HttpObject object) {
            owner.onUpstreamObject(object);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.onUpstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.onUpstreamWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (owner != null) {
            ProxyHandler closedOn = owner;
            owner = null;
            closedOn.onUpstreamClosed(ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // channelInactive tells the owner
    }
}
