package sdlab.traffic.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The HTTP/1.1 server codec of the gateway's client side: Netty's decoder and encoder, made
 * strict where request smuggling lives.
 *
 * <p>Netty's decoder, given both {@code Transfer-Encoding: chunked} and {@code Content-Length},
 * drops the length and carries on, as RFC 9112 allows a server to do. A proxy must not: the
 * server behind it may frame the body by the length instead and read a smuggled request from
 * what follows. This decoder turns that case into a decoding failure, which the gateway
 * answers with 400 and a closed connection; duplicate differing lengths and malformed chunks
 * already fail in Netty's decoder.
 *
 * <p>Netty's decoder also joins a folded header line (obs-fold) to the field before it, one of
 * the two treatments RFC 9112 allows, and reads {@code http/1.1} as {@code HTTP/1.1}. A
 * {@link RawHeadScanner} reads each head's bytes as they arrive; a head with a malformed request
 * line, or with a folded line unless folding is allowed, is answered 400, as nginx answers it.
 *
 * <p>The encoder must know which responses answer HEAD requests (they carry no body whatever
 * their headers say), so the decoder queues each request's method for it, as Netty's own server
 * codec does.
 */
final class GatewayHttpCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder>
        implements HttpServerUpgradeHandler.SourceCodec {

    /** Marks the failure of a message that had both Content-Length and chunked Transfer-Encoding. */
    static final class AmbiguousFramingException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        AmbiguousFramingException() {
            super("both Content-Length and Transfer-Encoding: chunked");
        }
    }

    /** Marks the failure of a request head that the {@link RawHeadScanner} found malformed. */
    static final class MalformedHeadException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedHeadException(String message) {
            super(message);
        }
    }

    GatewayHttpCodec(int initialLineBytesMax, int headerBytesMax, boolean obsFoldAllowed) {
        ArrayDeque<HttpMethod> methods = new ArrayDeque<>();
        HttpDecoderConfig config = new HttpDecoderConfig()
                .setMaxInitialLineLength(initialLineBytesMax)
                .setMaxHeaderSize(headerBytesMax)
                .setMaxChunkSize(16_384)
                .setAllowDuplicateContentLengths(false);
        init(new StrictDecoder(config, methods, obsFoldAllowed), new HeadAwareEncoder(methods));
    }

    @Override
    public void upgradeFrom(ChannelHandlerContext ctx) {
        ctx.pipeline().remove(this);
    }

    private static final class StrictDecoder extends HttpRequestDecoder {
        private final ArrayDeque<HttpMethod> methods;
        private final boolean obsFoldAllowed;
        private final RawHeadScanner head = new RawHeadScanner();
        /** How many bytes after the buffer's reader index the scanner has already read. */
        private int scannedAhead;

        StrictDecoder(HttpDecoderConfig config, ArrayDeque<HttpMethod> methods, boolean obsFoldAllowed) {
            super(config);
            this.methods = methods;
            this.obsFoldAllowed = obsFoldAllowed;
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            throw new AmbiguousFramingException();
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (!head.headEnded()) {
                scannedAhead += head.scan(buffer, buffer.readerIndex() + scannedAhead, buffer.writerIndex());
            }
            int before = out.size();
            int readerBefore = buffer.readerIndex();
            super.decode(ctx, buffer, out);
            scannedAhead = Math.max(0, scannedAhead - (buffer.readerIndex() - readerBefore));
            for (int i = before; i < out.size(); i++) {
                Object message = out.get(i);
                if (message instanceof HttpRequest request) {
                    methods.add(request.method());
                    String problem = head.requestLineMalformed()
                            ? "malformed request line"
                            : head.folded() && !obsFoldAllowed ? "obsolete line folding in the request head" : null;
                    if (problem != null && request.decoderResult().isSuccess()) {
                        request.setDecoderResult(DecoderResult.failure(new MalformedHeadException(problem)));
                    }
                }
                if (message instanceof LastHttpContent) {
                    // The request ended where the decoder now reads: the next head starts here.
                    head.reset();
                    scannedAhead = 0;
                }
            }
        }
    }

    private static final class HeadAwareEncoder extends HttpResponseEncoder {
        private final ArrayDeque<HttpMethod> methods;
        private HttpMethod method;

        HeadAwareEncoder(ArrayDeque<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            // Informational responses precede the final one and do not consume the method.
            if (msg.status().codeClass() != io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL) {
                method = methods.poll();
            }
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }
    }
}
