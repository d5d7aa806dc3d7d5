package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP/1.1 byte by byte over a raw socket: requests a proxy must refuse (each gets its status and
 * a closed connection), and the framing cases clients rarely exercise (pipelining, HEAD, 100-continue).
 */
class RawSocketTest {
    private static final int READ_TIMEOUT_MS = 5_000;
    private static final int HEADER_TIMEOUT_MS = 400;
    private static GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayFixture();
        fixture.config
                .putObject("limits")
                .put("headerBytesMax", 4_096)
                .put("bodyBytesMax", 1_000)
                .put("idleTimeoutMs", 1_000)
                .put("headerTimeoutMs", HEADER_TIMEOUT_MS);
        fixture.upstream("api", "v1", "a");
        fixture.route("api", "/", "api");
        fixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    /** The whole answer to {@code request}, read until the gateway closes the connection. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read); // ends at EOF: the gateway closed; a timeout fails the test
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aMalformedStartLineIs400AndClosesTheConnection() throws IOException {
        // Not an HTTP request line at all.
        assertThat(exchange("HELLO THERE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void hugeHeadersAre431AndCloseTheConnection() throws IOException {
        // 8 kB of header against a 4 kB limit.
        String huge = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8_000) + "\r\n\r\n";
        assertThat(exchange(huge)).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws IOException {
        // Content-Length beyond bodyBytesMax is refused before any byte of it is read.
        assertThat(exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"))
                .startsWith("HTTP/1.1 413 ");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // CL.TE: both framings at once.
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX",
                // Two different lengths.
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 7\r\n\r\nabcdefg",
                // chunked that is not the final coding.
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
                // Transfer-Encoding in HTTP/1.0, which has none.
                "POST / HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                // A chunk size that is not hexadecimal.
                "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
            })
    void smugglingAttemptsAre400AndCloseTheConnection(String attack) throws IOException {
        // Ambiguous framing is refused outright: nothing of it reaches an upstream.
        long servedBefore = fixture.backend("a").served();
        String answer = exchange(attack);
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer).doesNotContain("HTTP/1.1 200");
        assertThat(fixture.backend("a").served()).isEqualTo(servedBefore);
    }

    @Test
    void aTransferCodingTheGatewayDoesNotImplementIs501AndClosesTheConnection() throws IOException {
        // RFC 9112 section 6.1: gzip before chunked is a coding the gateway cannot undo, so it cannot vouch for it.
        long servedBefore = fixture.backend("a").served();
        String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 501 ");
        assertThat(fixture.backend("a").served()).isEqualTo(servedBefore);
    }

    @Test
    void aValidRequestOnTheSameKindOfSocketIsServedAndKeptAlive() throws IOException {
        // The control: Connection: close ends it, so the read loop above terminates.
        String answer = exchange("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"path\":\"/ok\"");
    }

    @Test
    void aConnectionThatSaysNothingIsClosedAfterTheIdleTimeout() throws IOException {
        // Before any byte arrives the protocol is unknown, and the idle timer already runs.
        assertThat(exchange("")).isEmpty();
    }

    @Test
    void aKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws IOException {
        // One answered request, then silence: the gateway closes the connection.
        assertThat(exchange("GET /once HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");
    }

    @Test
    void aHeadResponseCarriesHeadersButNoBody() throws IOException {
        // The upstream's Content-Length is relayed; no body bytes follow it.
        String answer = exchange("HEAD /head HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer)
                .startsWith("HTTP/1.1 200 ")
                .containsIgnoringCase("content-length:")
                .endsWith("\r\n\r\n");
    }

    @Test
    void expectContinueIsAnsweredByTheGatewayThenTheBodyIsForwarded() throws IOException {
        // The client waits for 100 Continue before sending its body, as curl does for large uploads.
        try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] interim = new byte[25];
            int read = in.readNBytes(interim, 0, interim.length);
            assertThat(new String(interim, 0, read, StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write("hello".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"bodyBytes\":5");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        // Three requests in one write: three responses, in order.
        String three = "GET /p1 HTTP/1.1\r\nHost: x\r\n\r\nGET /p2 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /p3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        String answer = exchange(three);
        assertThat(answer.indexOf("/p1")).isLessThan(answer.indexOf("/p2"));
        assertThat(answer.indexOf("/p2")).isLessThan(answer.indexOf("/p3"));
        assertThat(answer.split("HTTP/1.1 200 ", -1)).hasSize(4);
    }

    @Test
    void aHeadSentOneLineAtATimeIsCutOffAtTheHeaderTimeout() throws Exception {
        // Slowloris: a header line every 150 ms keeps the connection from ever idling (the idle
        // timeout is 1 s), but the head is not whole after 400 ms, so the gateway closes it.
        try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            out.write("GET / HTTP/1.1\r\nHost: a\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread dripper = Thread.ofVirtual().start(() -> {
                try {
                    for (int line = 0; line < 40; line++) {
                        Thread.sleep(150);
                        out.write(("X-Slow-" + line + ": 1\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                } catch (IOException | InterruptedException closed) {
                    // the gateway closed the connection: what this test waits for
                }
            });
            int read = socket.getInputStream().read();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            dripper.interrupt();

            assertThat(read).as("closed without an answer").isEqualTo(-1);
            assertThat(elapsedMs).isBetween((long) HEADER_TIMEOUT_MS, 3_000L);
        }
        assertThat(fixture.gateway.metrics().render()).contains("sdlab_gateway_header_timeouts_total 1");
    }

    @Test
    void aKeepAliveConnectionMayWaitLongerThanTheHeaderTimeoutBetweenRequests() throws Exception {
        // The head clock starts at the first byte of a head, not when the last response ends.
        try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String request = "GET /first HTTP/1.1\r\nHost: a\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("/first");

            Thread.sleep(HEADER_TIMEOUT_MS + 300);
            out.write(request.replace("/first", "/second").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();

            assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("/second");
        }
    }

    /** The next response, head and body (framed by Content-Length, as the gateway's echo backend sends it). */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, StandardCharsets.ISO_8859_1);
    }
}
