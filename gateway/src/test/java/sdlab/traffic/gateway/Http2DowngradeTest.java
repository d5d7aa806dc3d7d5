package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sdlab.traffic.gateway.RawH2.Outcome;
import sdlab.traffic.gateway.RecordingBackend.Received;

/**
 * Request smuggling across the HTTP/2 to HTTP/1.1 downgrade (H2.CL, H2.TE and field injection):
 * HTTP/2 frames its bodies by DATA frames and END_STREAM, so a request re-written as HTTP/1.1
 * gets its framing from the gateway alone. Each probe is sent in raw frames to a gateway with
 * one event loop in front of a plain backend; the backend must never parse a request the
 * client did not send, and a victim must get its own response.
 */
class Http2DowngradeTest {
    private static final String SMUGGLED = "GET /raw/SMUGGLED HTTP/1.1\r\nHost: t\r\n\r\n";
    private static RecordingBackend backend;
    private static GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        backend = new RecordingBackend();
        fixture = new GatewayFixture();
        fixture.upstreamAt("raw", backend.address());
        fixture.route("all", "/", "raw");
        fixture.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        backend.close();
    }

    @BeforeEach
    void forget() {
        backend.clear();
    }

    /** The pseudo-fields of a request, then {@code extra} name-value pairs. */
    private static String[] request(String method, String authority, String path, String... extra) {
        String[] fields = new String[8 + extra.length];
        String[] pseudo = {":method", method, ":scheme", "http", ":authority", authority, ":path", path};
        System.arraycopy(pseudo, 0, fields, 0, pseudo.length);
        System.arraycopy(extra, 0, fields, pseudo.length, extra.length);
        return fields;
    }

    private static int port() {
        return fixture.gateway.port();
    }

    private static void nothingSmuggledAndTheVictimIsServed() throws IOException {
        try (RawHttp victim = new RawHttp(port())) {
            for (int i = 0; i < 3; i++) {
                victim.send("GET /raw/victim-" + i + " HTTP/1.1\r\nHost: t\r\n\r\n");
                assertThat(victim.read().body()).isEqualTo("target=/raw/victim-" + i + "\n");
            }
        }
        assertThat(backend.requests()).extracting(Received::target).noneMatch(t -> t.contains("SMUGGLED"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"POST", "GET", "DELETE", "OPTIONS"})
    void aBodyWithoutContentLengthGoesUpstreamChunkedAndStaysABody(String method) throws IOException {
        // H2.0: HTTP/2 needs no length, and any method may carry a body; upstream, the body must be framed.
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, false, request(method, "t", "/raw/h2"));
            h2.data(1, true, SMUGGLED);
            assertThat(h2.await(1)).isEqualTo(Outcome.ANSWERED);
        }
        Received received = backend.requests().get(0);
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.target()).isEqualTo("/raw/h2");
        assertThat(received.bodyText()).isEqualTo(SMUGGLED);
        nothingSmuggledAndTheVictimIsServed();
    }

    @Test
    void aContentLengthThatTheDataContradictsIsRefused() throws IOException {
        // H2.CL: content-length 0 with a request in the DATA frame.
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, false, request("POST", "t", "/raw/h2cl", "content-length", "0"));
            h2.data(1, true, SMUGGLED);
            h2.await(1);
        }
        nothingSmuggledAndTheVictimIsServed();
    }

    @Test
    void aTransferEncodingFieldIsRefused() throws IOException {
        // H2.TE: a connection-specific field is malformed in HTTP/2 (RFC 9113 section 8.2.2).
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, false, request("POST", "t", "/raw/h2te", "transfer-encoding", "chunked"));
            h2.data(1, true, "0\r\n\r\n" + SMUGGLED);
            assertThat(h2.await(1)).isEqualTo(Outcome.REFUSED);
        }
        assertThat(backend.requests()).isEmpty();
        nothingSmuggledAndTheVictimIsServed();
    }

    @Test
    void lineBreaksInAFieldValueOrThePathAreRefused() throws IOException {
        // Field injection: a CRLF in an HTTP/2 value would write a field, or a request, of its own in HTTP/1.1.
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, true, request("GET", "t", "/raw/inject", "x-injected", "a\r\nTransfer-Encoding: chunked"));
            assertThat(h2.await(1)).isEqualTo(Outcome.REFUSED);
        }
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, true, request("GET", "t", "/raw/a HTTP/1.1\r\nHost: t\r\n\r\n" + SMUGGLED));
            h2.await(1);
        }
        assertThat(backend.requests()).extracting(Received::target).noneMatch(t -> t.contains("\n"));
        nothingSmuggledAndTheVictimIsServed();
    }

    @Test
    void anHttp2PathIsNormalisedLikeAnHttp11One() throws IOException {
        // One router for both protocols: :path gets the same normal form as a request line's target.
        try (RawH2 h2 = new RawH2(port())) {
            h2.headers(1, true, request("GET", "T.", "/x/../raw/%6eormal"));
            assertThat(h2.await(1)).isEqualTo(Outcome.ANSWERED);
        }
        Received received = backend.requests().get(0);
        assertThat(received.target()).isEqualTo("/raw/normal");
        assertThat(received.headers().get("host")).containsExactly("t");
        nothingSmuggledAndTheVictimIsServed();
    }
}
