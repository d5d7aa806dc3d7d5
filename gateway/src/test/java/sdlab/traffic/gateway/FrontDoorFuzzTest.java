package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.traffic.gateway.HostileRequestCorpus.Probe;
import sdlab.traffic.gateway.RawHttp.Response;

/**
 * Fuzzes the gateway's HTTP/1.1 front door over raw sockets: generated combinations of framing
 * tricks, and byte-level mutations of the hand-written corpus (a character dropped, doubled or
 * changed, a CRLF cut to LF, a line repeated), each sent to a gateway with one event loop in front
 * of a plain backend that records every request it parses. After each probe, no request the
 * backend parsed may be one the gateway did not see as a request, and a victim on a fresh
 * connection must get its own response. Each probe is seeded: its name replays it.
 */
class FrontDoorFuzzTest {
    private static final int GENERATED = 200;
    private static final int MUTATED = 200;
    private static final int READ_TIMEOUT_MS = 1_000;
    /** Characters that mean something to an HTTP parser: white space, line ends, separators, a digit, NUL. */
    private static final String EDIT_CHARS = " \t\r\n:;,0a\u0000";

    private static RecordingBackend backend;
    private static GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        backend = new RecordingBackend();
        fixture = new GatewayFixture();
        fixture.config.putObject("limits").put("headerTimeoutMs", 1_000).put("idleTimeoutMs", 2_000);
        fixture.upstreamAt("raw", backend.address());
        fixture.route("all", "/", "raw");
        fixture.start(1);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        backend.close();
    }

    static Stream<Probe> probes() {
        List<Probe> probes = new ArrayList<>(HostileRequestCorpus.generated(77, GENERATED));
        List<Probe> corpus = HostileRequestCorpus.handWritten();
        SplittableRandom random = new SplittableRandom(78);
        for (int i = 0; i < MUTATED; i++) {
            Probe original = corpus.get(random.nextInt(corpus.size()));
            probes.add(new Probe("mut-78-" + i + "-" + original.name(), mutate(original.bytes(), random)));
        }
        return probes.stream();
    }

    /** One to three random edits of the kinds that separate two HTTP parsers. */
    static String mutate(String bytes, SplittableRandom random) {
        StringBuilder text = new StringBuilder(bytes);
        int edits = random.nextInt(1, 4);
        for (int e = 0; e < edits && text.length() > 1; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, text.charAt(at));
                case 2 -> text.setCharAt(at, EDIT_CHARS.charAt(random.nextInt(EDIT_CHARS.length())));
                case 3 -> {
                    int crlf = text.indexOf("\r\n", at);
                    if (crlf >= 0) {
                        text.deleteCharAt(crlf);
                    }
                }
                case 4 -> {
                    int lineStart = text.lastIndexOf("\n", at) + 1;
                    int lineEnd = text.indexOf("\n", at);
                    if (lineEnd > lineStart) {
                        text.insert(lineEnd + 1, text.substring(lineStart, lineEnd + 1));
                    }
                }
                case 5 ->
                    text.setCharAt(
                            at,
                            Character.isUpperCase(text.charAt(at))
                                    ? Character.toLowerCase(text.charAt(at))
                                    : Character.toUpperCase(text.charAt(at)));
                default -> text.insert(at, random.nextBoolean() ? " " : "\t");
            }
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void noProbeSmugglesARequestPastTheGatewayOrPoisonsAnotherClient(Probe probe) throws IOException {
        ProbeRun run = ProbeRun.of(probe, fixture.gateway.port(), backend, READ_TIMEOUT_MS);
        assertThat(run.outOfStep())
                .as("%s smuggled a request past the gateway: %s%nprobe: %s", probe.name(), run, probe.bytes())
                .isFalse();
        try (RawHttp victim = new RawHttp(fixture.gateway.port())) {
            victim.send("GET /victim HTTP/1.1\r\nHost: t\r\n\r\n");
            Response response = victim.read();
            assertThat(response.body())
                    .as("the victim after %s got another client's response", probe.name())
                    .isEqualTo("target=/victim\n");
        }
    }
}
