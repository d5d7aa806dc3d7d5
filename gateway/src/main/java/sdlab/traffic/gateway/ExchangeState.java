package sdlab.traffic.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import sdlab.traffic.ratelimit.http.HeaderField;

/**
 * The state of the exchange a {@link ProxyHandler} is working on: the request, where it went,
 * how far each direction got. One per connection (or HTTP/2 stream), reset and reused for the
 * next exchange, so that proxying a request allocates no state object. Confined to the
 * connection's event loop.
 */
final class ExchangeState {
    boolean active;
    HttpRequest request;
    /** How the request's body is delimited upstream, decided when its head arrived. */
    BodyFraming framing = BodyFraming.NONE;
    /** The client sent no Host (HTTP/1.0): the upstream request names the server it goes to. */
    boolean hostAbsent;
    /** The client speaks HTTP/1.1 (or HTTP/2), so a response without a length can go to it chunked. */
    boolean clientSpeaksChunked;

    RouteEntry route;
    UpstreamGroup group;
    UpstreamServer server;
    UpstreamServer lastServer;
    UpstreamServer failedServer;
    Channel upstream;
    final ArrayDeque<HttpContent> pendingBody = new ArrayDeque<>();
    List<HeaderField> responseHeaders = List.of();
    /** The relay at the end of {@link #upstream}'s pipeline, which keeps the response deadline. */
    UpstreamHandler upstreamHandler;

    boolean requestDone;
    boolean responseStarted;
    boolean responseDone;
    boolean keepAlive;
    boolean discardBody;
    boolean bodyForwarded;
    boolean retried;
    boolean requestWritten;
    boolean skippingInformational;
    boolean upstreamReusable;
    long generation;
    long startNanos;
    long bodyBytes;
    int status;

    void begin(long nowNanos) {
        generation++;
        active = true;
        startNanos = nowNanos;
    }

    void addResponseHeaders(List<HeaderField> headers) {
        if (headers.isEmpty()) {
            return;
        }
        if (responseHeaders.isEmpty()) {
            responseHeaders = headers;
        } else {
            List<HeaderField> all = new ArrayList<>(responseHeaders);
            all.addAll(headers);
            responseHeaders = all;
        }
    }

    void addResponseHeader(String name, String value) {
        addResponseHeaders(List.of(new HeaderField(name, value)));
    }

    void end() {
        active = false;
        request = null;
        framing = BodyFraming.NONE;
        hostAbsent = false;
        clientSpeaksChunked = false;
        route = null;
        group = null;
        server = null;
        lastServer = null;
        failedServer = null;
        upstream = null;
        responseHeaders = List.of();
        upstreamHandler = null;
        requestDone = false;
        responseStarted = false;
        responseDone = false;
        keepAlive = false;
        discardBody = false;
        bodyForwarded = false;
        retried = false;
        requestWritten = false;
        skippingInformational = false;
        upstreamReusable = false;
        bodyBytes = 0;
        status = 0;
    }
}
