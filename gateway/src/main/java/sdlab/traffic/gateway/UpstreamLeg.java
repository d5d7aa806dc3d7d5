package sdlab.traffic.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.concurrent.TimeUnit;

/**
 * The upstream half of a {@link ProxyHandler}'s exchanges: chooses the target (stable or canary)
 * and the server (stickiness, balancing, health), sends the request over a pooled connection on
 * the client's event loop or a new one, and when the exchange is done with the connection gives
 * it back to the pool or closes it. Keeps the server's in-flight count and its passive-ejection
 * record. Confined to the client connection's event loop.
 */
final class UpstreamLeg {
    private final GatewayRuntime rt;
    private final ExchangeState exchange;
    private final Channel clientChannel;
    private final String clientIp;
    private final ProxyHandler client;

    UpstreamLeg(
            GatewayRuntime rt, ExchangeState exchange, Channel clientChannel, String clientIp, ProxyHandler client) {
        this.rt = rt;
        this.exchange = exchange;
        this.clientChannel = clientChannel;
        this.clientIp = clientIp;
        this.client = client;
    }

    /** Chooses the target and server and sends the request over a pooled or new connection. */
    void forward() {
        HttpRequest request = exchange.request;
        RouteEntry.Target target = exchange.route.target(request.headers());
        if (target.setCookie() != null) {
            exchange.addResponseHeader(HttpHeaderNames.SET_COOKIE.toString(), target.setCookie());
        }
        UpstreamGroup group = target.upstream();
        UpstreamGroup.Choice choice = group.choose(
                request.headers(), clientIp, Requests.path(request.uri()), rt.nowNanos(), exchange.failedServer);
        if (choice == null) {
            client.noServerAvailable();
            return;
        }
        if (choice.setCookie() != null) {
            exchange.addResponseHeader(HttpHeaderNames.SET_COOKIE.toString(), choice.setCookie());
        }
        exchange.group = group;
        exchange.server = choice.server();
        exchange.lastServer = choice.server();
        exchange.server.requestStarted();
        Channel pooled = exchange.server.pool.poll(clientChannel.eventLoop());
        if (pooled != null) {
            send(pooled);
        } else {
            connect();
        }
    }

    private void connect() {
        rt.metrics.upstreamConnects.increment();
        clientChannel.config().setAutoRead(false); // hold the body until the connection is up
        long generation = exchange.generation;
        rt.upstreamBootstrap
                .clone(clientChannel.eventLoop())
                .connect(exchange.server.socketAddress)
                .addListener((ChannelFutureListener) connected -> {
                    if (exchange.generation != generation || !exchange.active || exchange.server == null) {
                        connected.channel().close();
                    } else if (connected.isSuccess()) {
                        client.resumeReading();
                        send(connected.channel());
                    } else {
                        client.resumeReading();
                        client.onUpstreamFailure(false);
                    }
                });
    }

    private void send(Channel channel) {
        exchange.upstream = channel;
        exchange.upstreamHandler = channel.pipeline().get(UpstreamHandler.class);
        exchange.upstreamHandler.attach(client); // starts the response deadline
        if (exchange.hostAbsent) {
            exchange.request.headers().set(HttpHeaderNames.HOST, exchange.server.config.address());
        }
        channel.write(exchange.request);
        exchange.requestWritten = true;
        for (HttpContent content = exchange.pendingBody.poll();
                content != null;
                content = exchange.pendingBody.poll()) {
            exchange.bodyForwarded |= content.content().isReadable();
            channel.write(content);
        }
        channel.flush();
    }

    /** Stops waiting for the server's response to begin, if a request is out. */
    void stopResponseDeadline() {
        if (exchange.upstreamHandler != null) {
            exchange.upstreamHandler.stopResponseDeadline();
        }
    }

    /**
     * Lets go of the exchange's server and connection: back to the pool if the connection can
     * carry another exchange, else closed.
     */
    void release(boolean completed) {
        Channel channel = exchange.upstream;
        UpstreamServer server = exchange.server;
        exchange.upstream = null;
        exchange.server = null;
        if (server != null) {
            server.requestEnded();
            if (completed) {
                server.recordSuccess();
            }
        }
        exchange.upstreamHandler = null;
        if (channel != null) {
            channel.pipeline().get(UpstreamHandler.class).detach();
            channel.config().setAutoRead(true);
            boolean reusable = completed && exchange.upstreamReusable && exchange.requestDone;
            if (reusable && server != null && !server.draining()) {
                server.pool.offer(channel);
            } else {
                channel.close();
            }
        }
    }

    /**
     * Releases a server that failed the exchange and counts the failure toward its passive
     * ejection. Returns that server, or null if none had been chosen.
     */
    UpstreamServer releaseFailed() {
        stopResponseDeadline();
        UpstreamServer failed = exchange.server;
        release(false);
        if (failed != null) {
            rt.metrics.upstreamFailure(failed.toString());
            if (failed.recordFailure(
                    rt.nowNanos(),
                    exchange.group.config.ejectAfterFailures(),
                    TimeUnit.MILLISECONDS.toNanos(exchange.group.config.ejectMs()))) {
                rt.metrics.ejection(failed.toString());
                exchange.group.refresh(rt.nowNanos());
            }
        }
        return failed;
    }
}
