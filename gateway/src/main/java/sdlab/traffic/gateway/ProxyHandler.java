package sdlab.traffic.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import sdlab.traffic.gateway.GatewayFilter.Outcome;
import sdlab.traffic.http.RequestTarget;
import sdlab.traffic.ratelimit.http.HeaderField;
import sdlab.traffic.ratelimit.http.ThrottleResponse;

/**
 * Proxies the requests of one client connection (HTTP/1.1) or one stream (HTTP/2) to upstream
 * servers, one exchange at a time, streaming bodies in both directions without copying them.
 *
 * <p>An exchange runs: guard (framing, sizes) → route → filters (load shedding, rate limit) →
 * target (stable or canary) → server (stickiness, balancing, health) → a pooled upstream
 * connection on this event loop → request out, response back; the {@link UpstreamLeg} does the
 * steps from target to connection. Pipelined requests that arrive while one is in flight wait in
 * a bounded backlog with reading paused. Bodies are relayed chunk by chunk; when the receiving
 * side cannot keep up, the sending side stops reading.
 *
 * <p>A request that failed to reach a server (connection refused, or a pooled connection found
 * closed) before any of its body was sent is retried once on another server; otherwise the
 * client gets 502, or 504 when the server did not answer in time. A client that sent a request
 * the gateway cannot frame gets 400/413/431 and the connection is closed.
 */
final class ProxyHandler extends ChannelInboundHandlerAdapter {
    /** Fired on every client connection when the gateway starts draining. */
    static final Object DRAIN = new Object();

    private final GatewayRuntime rt;
    private final boolean http2;
    private final boolean tls;
    private ChannelHandlerContext ctx;
    private String clientIp;

    private final ArrayDeque<HttpObject> backlog = new ArrayDeque<>();
    private int backlogRequests;
    private boolean closeAfterResponse;
    /**
     * The connection is being closed: whatever the decoder still delivers is not read. After a
     * refusal the stream's framing cannot be trusted, so a request decoded behind it must not go
     * upstream.
     */
    private boolean closing;

    private final ExchangeState exchange = new ExchangeState();
    private UpstreamLeg upstreamLeg;

    ProxyHandler(GatewayRuntime rt, boolean http2, boolean tls) {
        this.rt = rt;
        this.http2 = http2;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        Channel connection = http2 ? context.channel().parent() : context.channel();
        clientIp = connection.remoteAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress()
                : "-";
        upstreamLeg = new UpstreamLeg(rt, exchange, context.channel(), clientIp, this);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof HttpObject object) || closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!backlog.isEmpty() || (exchange.active && exchange.requestDone && object instanceof HttpRequest)) {
            queue(object);
            return;
        }
        dispatch(object);
    }

    private void queue(HttpObject object) {
        backlog.add(object);
        ctx.channel().config().setAutoRead(false);
        if (object instanceof HttpRequest && ++backlogRequests > rt.limits.pipelinedRequestsMax()) {
            releaseBacklog();
            ctx.close();
        }
    }

    private void dispatch(HttpObject object) {
        if (object instanceof HttpRequest request) {
            startExchange(request);
        }
        if (object instanceof HttpContent content && !(object instanceof FullHttpRequest)) {
            if (exchange.active) {
                onRequestContent(content);
            } else {
                content.release();
            }
        }
    }

    private void startExchange(HttpRequest incoming) {
        exchange.begin(System.nanoTime());
        rt.metrics.requestsInFlight.incrementAndGet();
        // Checked before a full request is split: the split copy would lose the decoding failure.
        HttpResponseStatus refusal = RequestGuard.check(incoming, rt.limits, http2);
        exchange.request = incoming;
        if (refusal != null) {
            ReferenceCountUtil.release(incoming);
            respondLocal(refusal, true, List.of(), refusal.reasonPhrase());
            return;
        }
        switch (RequestTarget.parse(incoming.uri())) {
            case RequestTarget.Refused refused -> {
                ReferenceCountUtil.release(incoming);
                respondLocal(HttpResponseStatus.BAD_REQUEST, true, List.of(), refused.reason());
                return;
            }
            case RequestTarget.Normal normal -> Requests.adoptTarget(incoming, normal.target());
        }
        exchange.framing = BodyFraming.of(incoming, http2);
        exchange.hostAbsent = !incoming.headers().contains(HttpHeaderNames.HOST);
        exchange.clientSpeaksChunked = incoming.protocolVersion().minorVersion() >= 1;
        HttpRequest request = incoming;
        LastHttpContent body = null;
        if (incoming instanceof FullHttpRequest full) {
            request = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
            body = full.content().isReadable()
                    ? new DefaultLastHttpContent(full.content(), full.trailingHeaders())
                    : releaseAndEmpty(full);
        }
        exchange.request = request;
        exchange.keepAlive = http2 || HttpUtil.isKeepAlive(request);
        long generation = exchange.generation;
        routeAndFilter(request);
        if (body != null) {
            if (exchange.active && exchange.generation == generation) {
                onRequestContent(body);
            } else {
                body.release(); // answered and closed already
            }
        }
    }

    private static LastHttpContent releaseAndEmpty(FullHttpRequest full) {
        full.release();
        return LastHttpContent.EMPTY_LAST_CONTENT;
    }

    private void routeAndFilter(HttpRequest request) {
        String path = Requests.path(request.uri());
        RouteEntry route = rt.routes.match(Requests.host(request), path);
        if (route == null) {
            respondLocal(HttpResponseStatus.NOT_FOUND, false, List.of(), "no route for " + path);
            return;
        }
        exchange.route = route;
        long delayNanos = 0;
        GatewayFilter.Request view = new GatewayFilter.Request(
                request, clientIp, route.config.name(), rt.nowNanos(), System.currentTimeMillis());
        for (GatewayFilter filter : route.filters) {
            switch (filter.apply(view)) {
                case Outcome.Respond respond -> {
                    respondThrottled(respond.response());
                    return;
                }
                case Outcome.Proceed proceed -> {
                    delayNanos = Math.max(delayNanos, proceed.delayNanos());
                    exchange.addResponseHeaders(proceed.responseHeaders());
                }
            }
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            // Only now that the filters let it through is the body worth inviting.
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        Requests.prepareForUpstream(request, exchange.framing, clientIp, tls, http2);
        if (delayNanos > 0) {
            long generation = exchange.generation;
            ctx.executor().schedule(() -> forwardIfCurrent(generation), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            upstreamLeg.forward();
        }
    }

    private void forwardIfCurrent(long generation) {
        if (exchange.generation == generation
                && exchange.active
                && !exchange.responseDone
                && ctx.channel().isActive()) {
            upstreamLeg.forward();
        }
    }

    /** The route's target has no server that can take the request. */
    void noServerAvailable() {
        respondLocal(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                !exchange.requestDone,
                List.of(new HeaderField("Retry-After", "1")),
                "no upstream server available");
    }

    /** Lets the client's bytes flow again after a connection attempt, unless pipelined requests wait. */
    void resumeReading() {
        ctx.channel().config().setAutoRead(backlog.isEmpty());
    }

    private void onRequestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release(); // a malformed chunk: the rest of the stream cannot be framed
            if (exchange.responseStarted) {
                closeBoth();
            } else {
                respondLocal(HttpResponseStatus.BAD_REQUEST, true, List.of(), "malformed body");
            }
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (!exchange.framing.allowsBody() && content.content().isReadable()) {
            // Unreachable by construction (the decoder frames HTTP/1.1, HTTP/2 bodies go chunked),
            // but unframed bytes upstream would be read as a request: never send them.
            content.release();
            closeBoth();
            return;
        }
        exchange.bodyBytes += content.content().readableBytes();
        if (exchange.bodyBytes > rt.limits.bodyBytesMax()) {
            content.release();
            if (exchange.responseStarted) {
                closeBoth();
            } else {
                respondLocal(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, true, List.of(), "body too large");
            }
            return;
        }
        if (last) {
            exchange.requestDone = true;
        }
        if (exchange.discardBody) {
            content.release();
            if (last) {
                maybeComplete();
            }
        } else if (exchange.upstream != null) {
            exchange.bodyForwarded |= content.content().isReadable();
            exchange.upstream.write(content);
            if (!exchange.upstream.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        } else {
            exchange.pendingBody.add(content);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (exchange.upstream != null) {
            exchange.upstream.flush();
        }
    }

    void onUpstreamObject(HttpObject object) {
        if (exchange.skippingInformational) {
            // The empty end of a 1xx response: 100 Continue was the gateway's to send, and
            // 103 Early Hints are not relayed.
            exchange.skippingInformational = !(object instanceof LastHttpContent);
            ReferenceCountUtil.release(object);
            return;
        }
        if (object instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                exchange.skippingInformational = !(object instanceof LastHttpContent);
                ReferenceCountUtil.release(object);
                return;
            }
            upstreamLeg.stopResponseDeadline();
            exchange.responseStarted = true;
            exchange.status = response.status().code();
            exchange.upstreamReusable = HttpUtil.isKeepAlive(response);
            Requests.prepareForClient(response, exchange.responseHeaders);
            if (!http2) {
                if (!Requests.frameForClient(response, exchange.request.method(), exchange.clientSpeaksChunked)) {
                    closeAfterResponse = true; // an HTTP/1.0 client learns the end from the close
                }
                HttpUtil.setKeepAlive(response, keepConnection());
            }
        }
        boolean last = object instanceof LastHttpContent;
        ctx.write(object);
        if (last) {
            ctx.flush();
            exchange.responseDone = true;
            exchange.discardBody = true; // a body still arriving has nowhere to go now
            upstreamLeg.release(true);
            maybeComplete();
        } else if (!ctx.channel().isWritable() && exchange.upstream != null) {
            exchange.upstream.config().setAutoRead(false);
        }
    }

    void onUpstreamReadComplete() {
        ctx.flush();
    }

    void onUpstreamWritabilityChanged(boolean writable) {
        if (writable && backlog.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable() && exchange.upstream != null) {
            exchange.upstream.config().setAutoRead(true);
        }
    }

    void onUpstreamClosed(Channel channel) {
        if (exchange.upstream == channel && !exchange.responseDone) {
            exchange.upstream = null;
            onUpstreamFailure(false);
        }
    }

    /** The server did not start its response in time (called by the upstream connection's relay). */
    void onResponseTimeout() {
        if (exchange.active && !exchange.responseStarted && exchange.upstream != null) {
            onUpstreamFailure(true);
        }
    }

    /**
     * The server failed this exchange. Retry once on another server if the request can be
     * replayed: not timed out (the server may still be working on it), no body bytes sent, and
     * either never written (connection refused) or idempotent (a pooled connection closed under
     * it, and the server may have seen it). Otherwise 502, or 504 for a timeout.
     */
    void onUpstreamFailure(boolean timedOut) {
        UpstreamServer failed = upstreamLeg.releaseFailed();
        if (exchange.responseStarted) {
            ctx.close(); // the client has part of a response: only closing tells it so
            return;
        }
        boolean replayable = !exchange.requestWritten || Requests.isIdempotent(exchange.request);
        if (!timedOut && !exchange.retried && !exchange.bodyForwarded && replayable) {
            exchange.retried = true;
            exchange.failedServer = failed;
            if (exchange.requestDone && exchange.pendingBody.isEmpty()) {
                exchange.pendingBody.add(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            upstreamLeg.forward();
            return;
        }
        HttpResponseStatus status = timedOut ? HttpResponseStatus.GATEWAY_TIMEOUT : HttpResponseStatus.BAD_GATEWAY;
        respondLocal(status, !exchange.requestDone, List.of(), status.reasonPhrase());
    }

    private void respondThrottled(ThrottleResponse throttle) {
        respondLocal(HttpResponseStatus.valueOf(throttle.status()), false, throttle.headers(), throttle.body());
    }

    /** Answers the current exchange from the gateway itself; closes the connection if asked. */
    private void respondLocal(HttpResponseStatus status, boolean close, List<HeaderField> headers, String body) {
        upstreamLeg.stopResponseDeadline();
        exchange.pendingBody.forEach(ReferenceCountUtil::release);
        exchange.pendingBody.clear();
        upstreamLeg.release(false);
        FullHttpResponse response = LocalResponse.plainText(status, headers, body);
        Requests.prepareForClient(response, exchange.responseHeaders);
        exchange.status = status.code();
        exchange.responseStarted = true;
        exchange.responseDone = true;
        exchange.discardBody = true;
        if (close) {
            closeAfterResponse = true;
            exchange.requestDone = true; // the rest of the request will never be read
        }
        if (!http2) {
            HttpUtil.setKeepAlive(response, keepConnection());
        }
        ctx.writeAndFlush(response);
        maybeComplete();
    }

    private boolean keepConnection() {
        return exchange.keepAlive && !closeAfterResponse && !rt.draining();
    }

    /** Ends the exchange once both the request and the response are complete. */
    private void maybeComplete() {
        if (!exchange.active || !exchange.requestDone || !exchange.responseDone) {
            return;
        }
        long latencyNanos = System.nanoTime() - exchange.startNanos;
        String routeName = exchange.route == null ? "-" : exchange.route.config.name();
        rt.metrics.requestsInFlight.decrementAndGet();
        rt.metrics.request(routeName, exchange.status, latencyNanos);
        HttpRequest request = exchange.request;
        rt.accessLog.log(
                clientIp,
                request.method().name(),
                request.uri(),
                http2 ? "HTTP/2.0" : "HTTP/1.1",
                exchange.status,
                latencyNanos,
                routeName,
                exchange.lastServer);
        boolean keep = keepConnection();
        exchange.end();
        if (!keep && !http2) {
            closing = true;
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            releaseBacklog();
            return;
        }
        drainBacklog();
    }

    private void drainBacklog() {
        while (!backlog.isEmpty()
                && !(exchange.active && exchange.requestDone && backlog.peek() instanceof HttpRequest)) {
            HttpObject next = backlog.poll();
            if (next instanceof HttpRequest) {
                backlogRequests--;
            }
            dispatch(next);
        }
        if (backlog.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent && !exchange.active) {
            context.close();
        } else if (event == DRAIN) {
            closeAfterResponse = true;
            if (!exchange.active) {
                context.close();
            }
        } else if (event instanceof HttpServerUpgradeHandler.UpgradeEvent upgrade) {
            // h2c: the connection now speaks HTTP/2; its streams get handlers of their own.
            // The upgrade request is replayed as stream 1, so this exchange never completes here.
            if (exchange.active) {
                rt.metrics.requestsInFlight.decrementAndGet();
                exchange.end();
            }
            context.pipeline().replace(this, null, new Pipelines.Http2ConnectionCloser());
            context.fireUserEventTriggered(upgrade);
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (exchange.active) {
            upstreamLeg.stopResponseDeadline();
            exchange.pendingBody.forEach(ReferenceCountUtil::release);
            exchange.pendingBody.clear();
            upstreamLeg.release(false);
            rt.metrics.requestsInFlight.decrementAndGet();
            rt.metrics.request(exchange.route == null ? "-" : exchange.route.config.name(), 499, 0);
            exchange.end();
        }
        releaseBacklog();
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    private void closeBoth() {
        upstreamLeg.release(false);
        ctx.close();
    }

    private void releaseBacklog() {
        backlog.forEach(ReferenceCountUtil::release);
        backlog.clear();
        backlogRequests = 0;
    }
}
