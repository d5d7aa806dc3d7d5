package sdlab.traffic.gateway;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * How a request's body is delimited on its way upstream, decided once, from the request as the
 * gateway parsed it, and written afresh into the upstream request.
 *
 * <p>Request smuggling needs the gateway and the server behind it to find different ends for
 * one body. Copying the client's framing fields leaves a way in: any rewrite between parsing and
 * forwarding (a {@code Connection} field that nominates {@code Content-Length}, a spelling of
 * {@code chunked} that the gateway accepts and the server does not) can change what the server
 * reads. So the framing the gateway parsed is the only one sent: the client's
 * {@code Content-Length} and {@code Transfer-Encoding} are dropped and replaced by the length the
 * gateway read, or {@code chunked} when the gateway streams a body of unknown length (HTTP/2
 * streams always, whose end is a flag rather than a count), or nothing when there is no body.
 *
 * @param kind how the body ends
 * @param length the body's length in bytes, for {@link Kind#LENGTH}
 */
record BodyFraming(Kind kind, long length) {
    static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);
    static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, 0);

    /** The three ways an HTTP/1.1 request body can end. */
    enum Kind {
        /** No body: neither field is sent. */
        NONE,
        /** {@code Content-Length: length}. */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, chunks written by the gateway's encoder. */
        CHUNKED
    }

    /** The framing of {@code request}, as parsed; for HTTP/1.1 it has passed {@link RequestGuard}. */
    static BodyFraming of(HttpRequest request, boolean http2) {
        boolean lengthSent = request.headers().contains(HttpHeaderNames.CONTENT_LENGTH);
        if (request instanceof FullHttpRequest full) {
            int length = full.content().readableBytes();
            return length == 0 && !lengthSent ? NONE : new BodyFraming(Kind.LENGTH, length);
        }
        if (http2) {
            return CHUNKED;
        }
        if (HttpUtil.isTransferEncodingChunked(request)) {
            return CHUNKED;
        }
        if (lengthSent) {
            return new BodyFraming(Kind.LENGTH, HttpUtil.getContentLength(request));
        }
        return NONE;
    }

    /** Whether a body byte may follow the head at all. */
    boolean allowsBody() {
        return kind != Kind.NONE;
    }

    /** Replaces whatever framing fields {@code headers} hold with this framing. */
    void applyTo(HttpHeaders headers) {
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        switch (kind) {
            case NONE -> {}
            case LENGTH -> headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
            case CHUNKED -> headers.set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
    }
}
