package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.traffic.gateway.RawHttp.Response;
import sdlab.traffic.gateway.RecordingBackend.Received;

/**
 * The probes of an attacker, over raw sockets, against a gateway with one event loop in front of
 * a plain backend (so every exchange shares one pool of upstream connections, the setting in
 * which a smuggled request poisons the next client's response). After each probe a victim on
 * another connection must get its own responses, and the backend must never have parsed a
 * request that the gateway did not see as one.
 */
class HostileRequestsTest {
    private static RecordingBackend backend;
    private static RecordingBackend goodHostBackend;
    private GatewayFixture fixture;

    @BeforeAll
    static void startBackends() throws IOException {
        backend = new RecordingBackend();
        goodHostBackend = new RecordingBackend();
    }

    @AfterAll
    static void stopBackends() throws IOException {
        backend.close();
        goodHostBackend.close();
    }

    @BeforeEach
    void startGateway() throws Exception {
        fixture = new GatewayFixture();
        fixture.upstreamAt("raw", backend.address());
        fixture.upstreamAt("good", goodHostBackend.address());
        fixture.rateLimit("four")
                .put("algorithm", "fixed-window")
                .put("limit", 4)
                .put("periodMs", 600_000)
                .put("key", "global");
        fixture.route("limited", "/limited", "raw").put("rateLimit", "four");
        fixture.route("good", "/", "good").put("host", "good.example");
        fixture.route("all", "/", "raw");
        fixture.start(1);
        backend.clear();
        goodHostBackend.clear();
    }

    @AfterEach
    void stopGateway() {
        fixture.close();
    }

    private int port() {
        return fixture.gateway.port();
    }

    /** A victim's requests on their own connection each get their own answer; nothing smuggled got through. */
    private void victimGetsItsOwnResponses() throws IOException {
        try (RawHttp victim = new RawHttp(port())) {
            for (int i = 0; i < 5; i++) {
                victim.send("GET /raw/victim-" + i + " HTTP/1.1\r\nHost: t\r\n\r\n");
                Response response = victim.read();
                assertThat(response.status()).as("victim request %d", i).isEqualTo(200);
                assertThat(response.body()).isEqualTo("target=/raw/victim-" + i + "\n");
            }
        }
        assertThat(backend.requests()).extracting(Received::target).noneMatch(t -> t.contains("SMUGGLED"));
    }

    private List<String> targetsReceived() {
        return backend.requests().stream().map(Received::target).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Length", "content-length", "close, Content-Length", "keep-alive,CONTENT-LENGTH"})
    void aConnectionFieldThatNominatesContentLengthIsRefused(String nomination) throws IOException {
        // Issue 10's probe: dropping the nominated length sent the body on as a second request.
        String smuggled = "GET /raw/SMUGGLED HTTP/1.1\r\nHost: t\r\n\r\n";
        String attack = "POST /raw/a HTTP/1.1\r\nHost: t\r\nConnection: " + nomination + "\r\nContent-Length: "
                + smuggled.length() + "\r\n\r\n" + smuggled;
        try (RawHttp attacker = new RawHttp(port())) {
            attacker.send(attack);
            assertThat(attacker.read().status()).isEqualTo(400);
            assertThat(attacker.closedByPeer()).isTrue();
        }
        victimGetsItsOwnResponses();
        assertThat(targetsReceived()).doesNotContain("/raw/a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Transfer-Encoding", "transfer-encoding, close"})
    void aConnectionFieldThatNominatesTransferEncodingIsRefused(String nomination) throws IOException {
        // The chunked twin of the probe above.
        String smuggled = "GET /raw/SMUGGLED HTTP/1.1\r\nHost: t\r\n\r\n";
        String attack = "POST /raw/a HTTP/1.1\r\nHost: t\r\nConnection: " + nomination
                + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled
                + "\r\n0\r\n\r\n";
        try (RawHttp attacker = new RawHttp(port())) {
            attacker.send(attack);
            assertThat(attacker.read().status()).isEqualTo(400);
        }
        victimGetsItsOwnResponses();
    }

    @Test
    void otherNominatedFieldsAreRemovedButTheBodyKeepsItsFraming() throws IOException {
        // Connection may still name ordinary fields; they go, and the length the gateway parsed goes out.
        String attack = "POST /raw/a HTTP/1.1\r\nHost: t\r\nConnection: X-Private, Host\r\nX-Private: 1\r\n"
                + "Content-Length: 5\r\n\r\nhello";
        assertThat(RawHttp.once(port(), attack).status()).isEqualTo(200);
        Received received = backend.requests().get(0);
        assertThat(received.header("x-private")).isNull();
        assertThat(received.header("host")).isEqualTo("t");
        assertThat(received.header("content-length")).isEqualTo("5");
        assertThat(received.bodyText()).isEqualTo("hello");
        victimGetsItsOwnResponses();
    }

    @Test
    void everySpellingOfALimitedPathMeetsItsRouteAndItsLimit() throws IOException {
        // Issue 10: these four reached the catch-all route, unlimited, while the backend saw /limited.
        List<String> spellings = List.of("/%6cimited", "/x/../limited", "//limited", "/./limited");
        for (String spelling : spellings) {
            assertThat(RawHttp.once(port(), "GET " + spelling + " HTTP/1.1\r\nHost: t\r\n\r\n")
                            .status())
                    .as(spelling)
                    .isEqualTo(200);
        }
        assertThat(targetsReceived()).containsExactly("/limited", "/limited", "/limited", "/limited");
        for (String spelling : List.of("/limited", "/%6cimited", "/x/../limited", "//limited", "/./limited")) {
            assertThat(RawHttp.once(port(), "GET " + spelling + " HTTP/1.1\r\nHost: t\r\n\r\n")
                            .status())
                    .as(spelling + " after the limit")
                    .isEqualTo(429);
        }
        assertThat(targetsReceived()).hasSize(4);
        victimGetsItsOwnResponses();
    }

    @Test
    void theBackendReceivesTheNormalisedTargetWithItsQuery() throws IOException {
        // The upstream gets the path the routes saw, never the client's spelling of it.
        assertThat(RawHttp.once(port(), "GET /raw/../admin?x=%2e%2e HTTP/1.1\r\nHost: t\r\n\r\n")
                        .status())
                .isEqualTo(200);
        assertThat(targetsReceived()).containsExactly("/admin?x=%2e%2e");
        victimGetsItsOwnResponses();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../admin", "/raw/../../admin", "/%2e%2e/admin", "/raw%2Fadmin", "/a%00", "/a%zz"})
    void pathsWithoutASafeNormalFormAre400(String target) throws IOException {
        // Climbing above the root, encoded slashes, encoded NUL and bad escapes are refused, not guessed at.
        assertThat(RawHttp.once(port(), "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n")
                        .status())
                .isEqualTo(400);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void anHttp11RequestWithoutHostIs400() throws IOException {
        // RFC 9112 section 3.2: a server MUST answer 400 to an HTTP/1.1 request without Host.
        assertThat(RawHttp.once(port(), "GET /raw/nohost HTTP/1.1\r\n\r\n").status())
                .isEqualTo(400);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void twoHostFieldsAre400() throws IOException {
        // ... and to one with more than one Host field.
        assertThat(RawHttp.once(port(), "GET /raw/twohosts HTTP/1.1\r\nHost: t\r\nHost: good.example\r\n\r\n")
                        .status())
                .isEqualTo(400);
        assertThat(RawHttp.once(port(), "GET /raw/badhost HTTP/1.1\r\nHost: a@b\r\n\r\n")
                        .status())
                .isEqualTo(400);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void anAbsoluteFormTargetIsRewrittenAndItsHostIsTheOneThatRoutes() throws IOException {
        // RFC 9112 section 3.2.2: the target's authority wins over the Host field, for routing too.
        Response response = RawHttp.once(port(), "GET http://good.example/raw/abs?q=1 HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(targetsReceived()).isEmpty();
        Received received = goodHostBackend.requests().get(0);
        assertThat(received.target()).isEqualTo("/raw/abs?q=1");
        assertThat(received.headers().get("host")).containsExactly("good.example");
        victimGetsItsOwnResponses();
    }

    @Test
    void anHttp10RequestWithoutHostReachesTheBackendWithOne() throws IOException {
        // HTTP/1.0 needs no Host, but the upstream request is HTTP/1.1, which does.
        assertThat(RawHttp.once(port(), "GET /raw/old HTTP/1.0\r\n\r\n").status())
                .isEqualTo(200);
        Received received = backend.requests().get(0);
        assertThat(received.version()).isEqualTo("HTTP/1.1");
        assertThat(received.headers().get("host")).containsExactly(backend.address());
    }

    @Test
    void obsoleteLineFoldingIs400() throws IOException {
        // RFC 9112 section 5.2 allows refusing it; nginx does, and so does the gateway by default.
        assertThat(RawHttp.once(port(), "GET /raw/fold HTTP/1.1\r\nHost: t\r\nX-Folded: a\r\n b\r\n\r\n")
                        .status())
                .isEqualTo(400);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /raw/a HTTP/1.1\r\nHost: t\r\n\tTransfer-Encoding: chunked\r\n\r\n",
                "GET /raw/a HTTP/1.1\r\n\r\n",
                "GET /raw/%2e%2e/%2e%2e/a HTTP/1.1\r\nHost: t\r\n\r\n"
            })
    void nothingBehindARefusedRequestIsRead(String refused) throws IOException {
        // Found by the fuzz corpus: a request decoded behind a refusal, before the close, went upstream.
        assertThat(RawHttp.once(port(), refused + "GET /raw/SMUGGLED HTTP/1.1\r\nHost: t\r\n\r\n")
                        .status())
                .isEqualTo(400);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void aResponseEndedByClosingReachesAnHttp11ClientChunkedOnAConnectionThatLives() throws IOException {
        // The gateway frames responses too: the client's connection never depends on the upstream's close.
        try (RawHttp client = new RawHttp(port())) {
            client.send("GET /raw/close-delimited HTTP/1.1\r\nHost: t\r\n\r\n");
            Response first = client.read();
            assertThat(first.headerContains("transfer-encoding: chunked")).isTrue();
            assertThat(first.body()).isEqualTo("target=/raw/close-delimited\n");
            client.send("GET /raw/after HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("target=/raw/after\n");
        }
    }

    @Test
    void anHttp10ClientLearnsTheEndOfAnUnframedResponseFromTheClose() throws IOException {
        // HTTP/1.0 has no chunked coding: the gateway closes the connection after the body, keep-alive or not.
        try (RawHttp client = new RawHttp(port())) {
            client.send("GET /raw/close-delimited HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            String answer = client.readToEnd();
            assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\ntarget=/raw/close-delimited\n");
            assertThat(answer.toLowerCase()).doesNotContain("transfer-encoding");
        }
    }

    @Test
    void aResponseCannotShedItsLengthThroughConnection() throws IOException {
        // The response-side twin of the smuggling probe: the length stays, so the client stays in step.
        try (RawHttp client = new RawHttp(port())) {
            client.send("GET /raw/nominating HTTP/1.1\r\nHost: t\r\n\r\n");
            Response first = client.read();
            assertThat(first.headerContains("content-length:")).isTrue();
            assertThat(first.body()).isEqualTo("target=/raw/nominating\n");
            client.send("GET /raw/after HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(client.read().body()).isEqualTo("target=/raw/after\n");
        }
        victimGetsItsOwnResponses();
    }

    @Test
    void tooManyHeaderFieldsAre431() throws IOException {
        // A thousand short fields fit the byte limit but not the field-count limit (100 by default).
        StringBuilder request = new StringBuilder("GET /raw/many HTTP/1.1\r\nHost: t\r\n");
        for (int i = 0; i < 1_000; i++) {
            request.append("X-").append(i).append(": 1\r\n");
        }
        assertThat(RawHttp.once(port(), request.append("\r\n").toString()).status())
                .isEqualTo(431);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void aRequestLineClaimingHttp2Is505() throws IOException {
        // HTTP/2 has no request line; an HTTP/1.x listener answers 505 as nginx does.
        assertThat(RawHttp.once(port(), "GET /raw/v2 HTTP/2.0\r\nHost: t\r\n\r\n")
                        .status())
                .isEqualTo(505);
        assertThat(targetsReceived()).isEmpty();
        victimGetsItsOwnResponses();
    }

    @Test
    void aTabBeforeChunkedIsReadAsChunkedAndTheUpstreamGetsCleanFraming() throws IOException {
        // RFC 9110 counts a tab as optional white space; the upstream request is framed afresh.
        String request =
                "POST /raw/tab HTTP/1.1\r\nHost: t\r\nTransfer-Encoding:\tchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        assertThat(RawHttp.once(port(), request).status()).isEqualTo(200);
        Received received = backend.requests().get(0);
        assertThat(received.headers().get("transfer-encoding")).containsExactly("chunked");
        assertThat(received.bodyText()).isEqualTo("hello");
        victimGetsItsOwnResponses();
    }
}
