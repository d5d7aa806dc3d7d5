package sdlab.traffic.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP/1.1 backend for demos and tests: it answers every request with JSON naming the
 * instance ({@code name}) and {@code version} that served it and echoing the method, path,
 * headers and body size. {@code ?delayMs=N} delays the answer (to keep requests in flight),
 * {@code ?status=N} sets the status; {@code /healthz} answers 200, or 503 while
 * {@link #setHealthy(boolean) unhealthy}.
 */
public final class EchoServer {
    private static final int BODY_BYTES_MAX = 16 << 20;
    private static final long DELAY_MS_MAX = 60_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final String host;
    private final int portRequested;
    private final String name;
    private final String version;
    private final AtomicLong served = new AtomicLong();
    private volatile boolean healthy = true;
    private EventLoopGroup group;
    private Channel listener;

    /** An echo server to bind at {@code host:port} (0 for any free port), reporting {@code name} and {@code version}. */
    public EchoServer(String host, int port, String name, String version) {
        this.host = host;
        this.portRequested = port;
        this.name = name;
        this.version = version;
    }

    /** An echo server on 127.0.0.1 at an ephemeral port. */
    public static EchoServer ephemeral(String name, String version) {
        return new EchoServer("127.0.0.1", 0, name, version);
    }

    /** Binds and serves with one event loop per core. */
    public EchoServer start() throws InterruptedException {
        return start(Runtime.getRuntime().availableProcessors());
    }

    /** Binds and serves with {@code threads} event loops. */
    public EchoServer start(int threads) throws InterruptedException {
        group = Transport.group(threads, "echo-" + name);
        listener = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(BODY_BYTES_MAX))
                                .addLast(new EchoHandler());
                    }
                })
                .bind(host, portRequested)
                .sync()
                .channel();
        return this;
    }

    /** Closes the listener and every connection. */
    public void stop() throws InterruptedException {
        if (group != null) {
            listener.close().sync();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            group = null;
        }
    }

    /** The port bound (useful when 0 was asked for). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** {@code host:port}, as an upstream server address. */
    public String address() {
        return host + ":" + port();
    }

    /** The instance name reported in responses. */
    public String name() {
        return name;
    }

    /** The version reported in responses. */
    public String version() {
        return version;
    }

    /** Requests answered so far (health checks excluded). */
    public long served() {
        return served.get();
    }

    /** Makes {@code /healthz} answer 200 (true) or 503 (false). */
    public void setHealthy(boolean healthyNew) {
        healthy = healthyNew;
    }

    private final class EchoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            QueryStringDecoder query = new QueryStringDecoder(request.uri());
            FullHttpResponse response;
            if (query.path().equals("/healthz")) {
                response = healthy
                        ? json(ctx, HttpResponseStatus.OK, request, query, "ok")
                        : json(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, request, query, "unhealthy");
            } else {
                served.incrementAndGet();
                int status = (int) parameter(query, "status", 200, 100, 599);
                response = json(ctx, HttpResponseStatus.valueOf(status), request, query, null);
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            long delayMs = parameter(query, "delayMs", 0, 0, DELAY_MS_MAX);
            if (delayMs > 0) {
                ctx.executor().schedule(() -> send(ctx, response, keepAlive), delayMs, TimeUnit.MILLISECONDS);
            } else {
                send(ctx, response, keepAlive);
            }
        }

        private void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (keepAlive) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        private FullHttpResponse json(
                ChannelHandlerContext ctx,
                HttpResponseStatus status,
                FullHttpRequest request,
                QueryStringDecoder query,
                String health) {
            ByteBuf body = ctx.alloc().buffer(512);
            try (JsonGenerator out = JSON.createGenerator((OutputStream) new ByteBufOutputStream(body))) {
                out.writeStartObject();
                out.writeStringField("name", name);
                out.writeStringField("version", version);
                if (health != null) {
                    out.writeStringField("health", health);
                }
                out.writeStringField("method", request.method().name());
                out.writeStringField("path", query.path());
                out.writeNumberField("bodyBytes", request.content().readableBytes());
                out.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> header : request.headers()) {
                    out.writeStringField(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
                }
                out.writeEndObject();
                out.writeEndObject();
            } catch (IOException e) {
                body.release();
                throw new UncheckedIOException(e);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            return response;
        }

        private static long parameter(QueryStringDecoder query, String key, long fallback, long min, long max) {
            List<String> values = query.parameters().get(key);
            if (values == null || values.isEmpty()) {
                return fallback;
            }
            try {
                return Math.max(min, Math.min(max, Long.parseLong(values.get(0))));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
