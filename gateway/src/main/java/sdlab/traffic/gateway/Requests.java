package sdlab.traffic.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.HttpConversionUtil;
import io.netty.util.AsciiString;
import java.util.List;
import sdlab.traffic.http.HostField;
import sdlab.traffic.http.RequestTarget;
import sdlab.traffic.ratelimit.http.HeaderField;

/**
 * Header rewriting at the proxy's two edges (RFC 9110, section 7.6): hop-by-hop fields are the
 * business of one connection and are removed; the client's address is appended to
 * {@code X-Forwarded-For}; the normalised target goes on the request line; bodies are framed by
 * the gateway, never by fields copied from the other side.
 */
final class Requests {
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    private static final AsciiString HTTP2_SETTINGS = AsciiString.cached("http2-settings");
    private static final AsciiString HTTPS = AsciiString.cached("https");
    private static final AsciiString HTTP = AsciiString.cached("http");

    private Requests() {}

    /** The path of a request target in origin form (as every target is once adopted), without the query. */
    static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    /** The Host field without its port, or "" if absent. */
    static String host(HttpRequest request) {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        boolean ipv6 = host.endsWith("]");
        return colon > 0 && !ipv6 ? host.substring(0, colon) : host;
    }

    /**
     * Puts a request's normalised target in place: the origin form on the request line, and as
     * the one Host the authority of an absolute-form target (RFC 9112, section 3.2.2) or else the
     * client's Host, normalised (lower case, no trailing dot) so that routes match every spelling.
     * On HTTP/2 the Host fields have been checked to agree; one is kept.
     */
    static void adoptTarget(HttpRequest request, RequestTarget target) {
        request.setUri(target.originForm());
        HttpHeaders headers = request.headers();
        String host = target.authority() != null ? target.authority() : headers.get(HttpHeaderNames.HOST);
        if (host != null) {
            headers.set(HttpHeaderNames.HOST, HostField.normalise(host));
        }
    }

    /** Rewrites a client's request, in place, for an HTTP/1.1 upstream, framed as {@code framing} says. */
    static void prepareForUpstream(
            HttpRequest request, BodyFraming framing, String clientIp, boolean tls, boolean http2) {
        HttpHeaders headers = request.headers();
        removeHopByHop(headers);
        headers.remove(HttpHeaderNames.TE);
        headers.remove(HttpHeaderNames.UPGRADE);
        headers.remove(HTTP2_SETTINGS);
        if (http2) {
            for (HttpConversionUtil.ExtensionHeaderNames name : HttpConversionUtil.ExtensionHeaderNames.values()) {
                headers.remove(name.text());
            }
        }
        framing.applyTo(headers);
        String forwarded = headers.get(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, forwarded == null ? clientIp : forwarded + ", " + clientIp);
        headers.set(X_FORWARDED_PROTO, tls ? HTTPS : HTTP);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
    }

    /**
     * Makes a response delimit itself for its client: one whose upstream framed its body by
     * closing the connection gets chunked coding when the client speaks HTTP/1.1, so the client's
     * connection can carry the next response without guessing where this one ends. An HTTP/1.0
     * client has no chunked coding; returns false when only closing its connection can end the
     * response.
     */
    static boolean frameForClient(HttpResponse response, HttpMethod method, boolean clientSpeaksChunked) {
        int status = response.status().code();
        boolean bodiless = method.equals(HttpMethod.HEAD) || status == 204 || status == 304 || status < 200;
        if (bodiless || HttpUtil.isContentLengthSet(response) || HttpUtil.isTransferEncodingChunked(response)) {
            return true;
        }
        if (clientSpeaksChunked) {
            HttpUtil.setTransferEncodingChunked(response, true);
            return true;
        }
        return false;
    }

    /** Rewrites an upstream's response, in place, for the client, adding the gateway's own fields. */
    static void prepareForClient(HttpResponse response, List<HeaderField> extra) {
        removeHopByHop(response.headers());
        for (HeaderField field : extra) {
            response.headers().add(field.name(), field.value());
        }
    }

    private static boolean isUnremovable(String name) {
        return HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(name)
                || HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.HOST.contentEqualsIgnoreCase(name);
    }

    /** Whether repeating the request has the effect of sending it once (RFC 9110, section 9.2.2). */
    static boolean isIdempotent(HttpRequest request) {
        String method = request.method().name();
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /**
     * Removes Connection, the fields it names, Keep-Alive and Proxy-Connection. A nomination of
     * a field that frames the message or names its target (Content-Length, Transfer-Encoding,
     * Host) is ignored: those are end-to-end, whatever a sender says.
     */
    private static void removeHopByHop(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.CONNECTION)) {
            for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
                for (String name : value.split(",")) {
                    String trimmed = name.trim();
                    if (!trimmed.isEmpty() && !isUnremovable(trimmed)) {
                        headers.remove(trimmed);
                    }
                }
            }
            headers.remove(HttpHeaderNames.CONNECTION);
        }
        headers.remove(KEEP_ALIVE);
        headers.remove(PROXY_CONNECTION);
    }
}
