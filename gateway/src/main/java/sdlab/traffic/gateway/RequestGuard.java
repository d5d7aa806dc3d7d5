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
import java.util.List;

/**
 * The checks a request must pass before anything else looks at it; a failure is a status to
 * answer with, after which the connection is closed, since its framing can no longer be trusted.
 *
 * <p>Request smuggling needs two parsers that frame one byte stream differently; these checks
 * refuse every request whose framing is ambiguous: both lengths (see {@link GatewayHttpCodec}),
 * several differing lengths, a transfer coding other than exactly {@code chunked}, any transfer
 * coding in HTTP/1.0, and a malformed chunk.
 */
final class RequestGuard {
    private RequestGuard() {}

    /** The error status for a request, or null if it may proceed. */
    static HttpResponseStatus check(HttpRequest request, long bodyBytesMax) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return decodingFailure(result.cause());
        }
        HttpHeaders headers = request.headers();
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                return HttpResponseStatus.BAD_REQUEST;
            }
            if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                return HttpResponseStatus.BAD_REQUEST;
            }
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && parseLength(length) > bodyBytesMax) {
            return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
        }
        if (request.method().equals(HttpMethod.CONNECT)) {
            return HttpResponseStatus.METHOD_NOT_ALLOWED;
        }
        return null;
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
