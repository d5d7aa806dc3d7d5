package sdlab.bench.tls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import sdlab.bench.peer.ChildProcess;
import sdlab.bench.peer.Scratch;
import sdlab.bench.peer.SdlabNode;

/**
 * Chapter 7 for real: a device reconnects to {@code sdlab node gateway} over TLS on loopback,
 * {@code requests} times for each {@link Reuse}, one small GET per reconnect, and the run
 * records the handshakes the gateway counted, the sessions the client saw resumed, the
 * client-observed latency per request and the gateway process's CPU time per request. Each
 * pattern is first run untimed for the JIT of both sides.
 */
public final class TlsReconnects {
    private static final Pattern LISTENING = Pattern.compile("listening on [^:\\s]+:(\\d+)");
    private static final Pattern TLS_PORT = Pattern.compile(", tls (\\d+)");
    private static final Pattern ADMIN_PORT = Pattern.compile(", admin (\\d+)");
    private static final Pattern HANDSHAKES =
            Pattern.compile("^sdlab_gateway_tls_handshakes_total (\\d+)", Pattern.MULTILINE);

    private final int requests;
    private final int warmupRequests;
    private final Consumer<String> progress;

    public TlsReconnects(int requests, int warmupRequests, Consumer<String> progress) {
        this.requests = requests;
        this.warmupRequests = warmupRequests;
        this.progress = progress;
    }

    /** Starts an echo backend and the gateway with TLS, measures each pattern, stops both. */
    public List<TlsScenario> run() {
        try (Scratch scratch = Scratch.create("sdlab-bench-tls-");
                ChildProcess echo = SdlabNode.start(
                        "echo", List.of("--port", "0", "--name", "echo-1"), scratch.resolve("echo.log"), LISTENING)) {
            String upstream = "127.0.0.1:" + echo.readyGroup(LISTENING).orElseThrow();
            scratch.write("gateway.json", gatewayJson(upstream));
            try (ChildProcess gateway = SdlabNode.start(
                    "gateway",
                    List.of("--config", scratch.resolve("gateway.json").toString()),
                    scratch.resolve("gateway.log"),
                    ADMIN_PORT)) {
                int tlsPort = Integer.parseInt(gateway.readyGroup(TLS_PORT).orElseThrow());
                int adminPort = Integer.parseInt(gateway.readyGroup(ADMIN_PORT).orElseThrow());
                List<TlsScenario> scenarios = new ArrayList<>();
                for (Reuse reuse : Reuse.values()) {
                    progress.accept("warming up: " + reuse.label());
                    device(reuse, tlsPort, warmupRequests);
                    progress.accept("measuring: " + reuse.label());
                    scenarios.add(measure(reuse, tlsPort, adminPort, gateway.pid()));
                }
                return scenarios;
            }
        } catch (IOException e) {
            throw new IllegalStateException("TLS exchange with the gateway failed: " + e.getMessage(), e);
        }
    }

    private TlsScenario measure(Reuse reuse, int tlsPort, int adminPort, long gatewayPid) throws IOException {
        long handshakesBefore = handshakes(adminPort);
        long cpuBefore = ProcessCpu.nanos(gatewayPid);
        DeviceRun run = device(reuse, tlsPort, requests);
        long cpuAfter = ProcessCpu.nanos(gatewayPid);
        long handshakesAfter = handshakes(adminPort);
        long[] sorted = run.latencyNanos().clone();
        Arrays.sort(sorted);
        return new TlsScenario(
                reuse,
                requests,
                run.connections(),
                handshakesBefore < 0 || handshakesAfter < 0 ? -1 : handshakesAfter - handshakesBefore,
                run.resumed(),
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : (cpuAfter - cpuBefore) / 1e6 / requests);
    }

    private record DeviceRun(long[] latencyNanos, int connections, int resumed) {}

    /** One device making {@code count} requests, reconnecting as {@code reuse} says. */
    private static DeviceRun device(Reuse reuse, int port, int count) throws IOException {
        long[] latencies = new long[count];
        SSLContext shared = TrustingTls.newContext();
        int connections = 0;
        int resumed = 0;
        SSLSocket socket = null;
        try {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                if (socket == null) {
                    long connectMillis = System.currentTimeMillis();
                    SSLContext context = reuse == Reuse.FULL_HANDSHAKE ? TrustingTls.newContext() : shared;
                    socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
                    socket.setTcpNoDelay(true);
                    socket.startHandshake();
                    connections++;
                    if (resumed(socket.getSession(), connectMillis)) {
                        resumed++;
                    }
                }
                int status = HttpExchange.get(socket.getInputStream(), socket.getOutputStream(), "127.0.0.1", "/");
                latencies[i] = System.nanoTime() - start;
                if (status != 200) {
                    throw new IOException("the gateway answered " + status);
                }
                if (reuse != Reuse.KEEP_ALIVE) {
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
        return new DeviceRun(latencies, connections, resumed);
    }

    /**
     * Whether the client resumed a session. Under TLS 1.3 a resumed session gets a new id, so
     * ids cannot tell; but the JDK keeps the creation time of the session it resumed, which is
     * then older than this connection, while a full handshake creates its session after the
     * connection started.
     */
    private static boolean resumed(SSLSession session, long connectMillis) {
        return session.getCreationTime() < connectMillis;
    }

    private static long handshakes(int adminPort) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String metrics = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher matcher = HANDSHAKES.matcher(metrics);
            return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(sorted.length * quantile);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String gatewayJson(String upstream) {
        return """
                {
                  "listen": {"host": "127.0.0.1", "port": 0, "h2c": true},
                  "tls": {"port": 0},
                  "admin": {"port": 0},
                  "upstreams": [{"name": "echo", "servers": [{"address": "%s"}]}],
                  "routes": [{"name": "all", "pathPrefix": "/", "upstream": "echo"}],
                  "accessLog": false
                }
                """
                .formatted(upstream);
    }
}
