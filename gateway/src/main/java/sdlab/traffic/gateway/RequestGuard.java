package sdlab.traffic.gateway;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sdlab.traffic.gateway.GatewayConfig.Limits;
import sdlab.traffic.http.HostField;

/**
 * The checks a request must pass before anything else looks at it; a failure is a status to
 * answer with, after which the connection is closed, since its framing can no longer be trusted.
 *
 * <p>Request smuggling needs two parsers that frame one byte stream differently; these checks
 * refuse every request whose framing is ambiguous: both lengths (see {@link GatewayHttpCodec}),
 * several differing lengths, a transfer coding other than exactly {@code chunked} (501 for a
 * coding the gateway does not implement, 400 where chunked is not last), any transfer coding in
 * HTTP/1.0, a {@code Connection} field that nominates a framing field (a proxy would
 * remove it as hop-by-hop and leave the body unframed), and a malformed chunk. The framing that
 * does go upstream is the gateway's own ({@link BodyFraming}).
 *
 * <p>The Host rules of RFC 9112, section 3.2, keep routing unambiguous: an HTTP/1.1 request has
 * exactly one Host field, and every Host is well formed; an HTTP/2 request may carry
 * {@code :authority} and Host only if they agree. Version: HTTP/1.x only (505 otherwise, as nginx
 * answers). Size: at most {@code headerFieldsMax} fields (431).
 */
final class RequestGuard {
    private RequestGuard() {}

    /** The error status for a request, or null if it may proceed. */
    static HttpResponseStatus check(HttpRequest request, Limits limits, boolean http2) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return decodingFailure(result.cause());
        }
        HttpVersion version = request.protocolVersion();
        if (!version.protocolName().equals("HTTP") || version.majorVersion() != 1) {
            return HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED;
        }
        HttpHeaders headers = request.headers();
        if (headers.size() > limits.headerFieldsMax()) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (nominatesFramingField(headers) || !hostIsUnambiguous(headers, version, http2)) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        HttpResponseStatus codingRefusal = transferCodingRefusal(headers, version);
        if (codingRefusal != null) {
            return codingRefusal;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && parseLength(length) > limits.bodyBytesMax()) {
            return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (request.method().equals(HttpMethod.CONNECT) || request.method().equals(HttpMethod.TRACE)) {
            // No tunnels; and TRACE would echo the client's credentials back to a script (as nginx, 405).
            return HttpResponseStatus.METHOD_NOT_ALLOWED;
        }
        return null;
    }

    /**
     * RFC 9112, sections 6.1 and 6.3: {@code chunked} alone is the one coding the gateway frames.
     * chunked that is not the final coding, or comes twice, leaves the length unknowable: 400. Any
     * other coding is one the gateway does not implement: 501, as nginx answers.
     */
    private static HttpResponseStatus transferCodingRefusal(HttpHeaders headers, HttpVersion version) {
        List<String> fields = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (fields.isEmpty()) {
            return null;
        }
        if (version.minorVersion() == 0) {
            return HttpResponseStatus.BAD_REQUEST; // HTTP/1.0 has no transfer codings
        }
        List<String> codings = new ArrayList<>();
        for (String field : fields) {
            for (String token : field.split(",", -1)) {
                codings.add(withoutOptionalWhitespace(token).toLowerCase(Locale.ROOT));
            }
        }
        if (codings.size() == 1 && codings.get(0).equals("chunked")) {
            return null;
        }
        long chunked = codings.stream().filter("chunked"::equals).count();
        if (chunked > 1 || (chunked == 1 && !codings.get(codings.size() - 1).equals("chunked"))) {
            return HttpResponseStatus.BAD_REQUEST;
        }
        return HttpResponseStatus.NOT_IMPLEMENTED;
    }

    /** Strips spaces and tabs (RFC 9110's OWS), and nothing else: {@link String#trim()} also strips controls. */
    private static String withoutOptionalWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Whether a {@code Connection} field names Content-Length or Transfer-Encoding as hop-by-hop. */
    private static boolean nominatesFramingField(HttpHeaders headers) {
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                        || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Exactly one well-formed Host on HTTP/1.1, at most one on HTTP/1.0; on HTTP/2, where Netty
     * adds {@code :authority} as a Host field, any Host fields agree and are well formed.
     */
    private static boolean hostIsUnambiguous(HttpHeaders headers, HttpVersion version, boolean http2) {
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        for (String host : hosts) {
            if (!HostField.isValid(host)) {
                return false;
            }
        }
        if (http2) {
            return hosts.stream()
                            .map(h -> h.toLowerCase(Locale.ROOT))
                            .distinct()
                            .count()
                    <= 1;
        }
        boolean required = version.minorVersion() >= 1;
        return hosts.size() == 1 || (hosts.isEmpty() && !required);
    }

    /** The status for a failed decoding of a request head or of a chunk. */
    static HttpResponseStatus decodingFailure(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // the decoder rejects malformed lengths before this
        }
    }
}
