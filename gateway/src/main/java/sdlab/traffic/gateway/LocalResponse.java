package sdlab.traffic.gateway;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import sdlab.traffic.ratelimit.http.HeaderField;

/** A response the gateway answers with itself (404, 429, 502, ...): a short plain-text body. */
final class LocalResponse {
    private LocalResponse() {}

    /** {@code status} with {@code body} as UTF-8 text, its length, and {@code headers}. */
    static FullHttpResponse plainText(HttpResponseStatus status, List<HeaderField> headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
        for (HeaderField header : headers) {
            response.headers().set(header.name(), header.value());
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }
}
