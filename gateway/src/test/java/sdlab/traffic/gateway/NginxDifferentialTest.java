package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.traffic.gateway.HostileRequestCorpus.Probe;

/**
 * The gateway and nginx 1.22, side by side, on a corpus of a few hundred malformed and ambiguous
 * requests ({@link HostileRequestCorpus}): the same bytes to each, each in front of its own
 * plain backend, then the status codes the client got and the requests the backend parsed are
 * compared. Every difference must be one of {@link #DOCUMENTED}, each of which the README lists
 * with its reason; any other difference fails the test. Skipped, saying so, where nginx is not
 * installed ({@code .ci/run} installs it).
 */
class NginxDifferentialTest {
    private static final int READ_TIMEOUT_MS = 1_500;
    private static final int GENERATED_PROBES = 150;

    /** Probe name → why the gateway answers it differently from nginx, on purpose (the README lists the same). */
    static final Map<String, String> DOCUMENTED = new LinkedHashMap<>();

    static {
        String ows = "RFC 9110 counts a tab as optional white space around a value; the gateway re-frames the"
                + " upstream request, so no backend sees the tab (nginx: 400 or 501)";
        document(ows, "cl-tab-before", "te-tab-before", "te-tab-after");
        document(
                "RFC 9112 6.3: a coding list whose final coding is not chunked MUST get 400 (nginx: 501); the"
                        + " decoder also refuses control characters in a value",
                "te-vertical-tab",
                "te-form-feed",
                "te-chunked-identity",
                "te-gzip",
                "te-identity",
                "te-xchunked",
                "te-chunk",
                "te-parameter",
                "te-quoted");
        document(
                "a bare LF ends no line here (RFC 9112 2.2 only allows accepting it); parsers that disagree on"
                        + " line ends are a smuggling vector (nginx accepts)",
                "te-lf-only",
                "lf-only",
                "chunk-lf-after-data");
        document(
                "RFC 9112 7.1: white space after a chunk size is allowed only before ';' (nginx accepts)",
                "chunk-space-after",
                "chunk-tab-after");
        document(
                "a trailer line without a colon is malformed, and what follows it cannot be framed (nginx drops"
                        + " trailers unread)",
                "chunk-trailer-smuggle");
        document(
                "issue 10: a Connection field that nominates a framing field is refused; nginx ignores the"
                        + " nomination and forwards the body framed",
                "connection-content-length",
                "connection-close-content-length",
                "connection-transfer-encoding");
        document(
                "the upstream request is HTTP/1.1, which must carry Host: the gateway names the server (nginx"
                        + " sends none)",
                "host-missing-10");
        document(
                "RFC 9112 3.2: a Host that is not host[:port] MUST get 400 (nginx forwards it)",
                "host-userinfo",
                "host-bad-port",
                "host-backslash");
        document("a gateway routes http and https targets only (nginx ignores the scheme)", "absolute-form-ftp");
        document(
                "405 names the refusal better: CONNECT is a method the gateway does not serve (nginx: 400)", "connect");
        document(
                "issue 10: an encoded slash means a separator to one server and data to another, so it is refused"
                        + " (nginx decodes it)",
                "path-11",
                "path-12");
        document(
                "an empty query is kept: RFC 3986 does not make '/a?' and '/a' equivalent (nginx drops the '?')",
                "path-37");
        document(
                "505: HTTP/0.9 is a version the gateway does not support (nginx: 400); and no HTTP/0.9 simple"
                        + " request without a version, which nginx still forwards",
                "version-0.9",
                "version-missing");
        document("RFC 9112 2.3: HTTP-version is one digit '.' one digit (nginx reads HTTP/1.10)", "version-10-minor");
        document(
                "RFC 9112 3: the request line's parts are separated by single spaces, none after the version"
                        + " (nginx accepts a trailing space)",
                "line-trailing-space");
        document(
                "methods are case-sensitive (RFC 9110 9.1): 'get' is an extension method, forwarded for the"
                        + " backend to refuse (nginx: 400)",
                "method-lower");
        document(
                "a header line without a colon or with a name that is not a token is malformed (nginx drops such"
                        + " lines and goes on)",
                "header-no-colon",
                "header-bad-name");
        document(
                "the gateway's limits: 16 KiB of header (nginx: 8 KiB per line) and 100 fields (nginx: no count),"
                        + " answered 431 as RFC 6585 says (nginx: 400); both configurable",
                "header-long-value",
                "header-huge-value",
                "header-count-101",
                "header-count-1000");
    }

    private static void document(String reason, String... probes) {
        for (String probe : probes) {
            DOCUMENTED.put(probe, reason);
        }
    }

    private static RecordingBackend gatewayBackend;
    private static RecordingBackend nginxBackend;
    private static GatewayFixture fixture;
    private static NginxProxy nginx;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                NginxProxy.executable() != null,
                "nginx is not installed: skipping the differential test" + " (apt-get install nginx)");
        gatewayBackend = new RecordingBackend();
        nginxBackend = new RecordingBackend();
        fixture = new GatewayFixture();
        fixture.config.putObject("limits").put("headerTimeoutMs", 1_000);
        fixture.upstreamAt("raw", gatewayBackend.address());
        fixture.route("all", "/", "raw");
        fixture.start(1);
        nginx = NginxProxy.start(nginxBackend.address());
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        if (gatewayBackend != null) {
            gatewayBackend.close();
            nginxBackend.close();
        }
    }

    @Test
    void everyDifferenceFromNginxIsDocumented() throws Exception {
        // Shows: on each probe, the gateway refuses what nginx refuses and forwards what nginx forwards, as
        // nginx forwards it, except where the README says why not.
        List<Probe> corpus = new ArrayList<>(HostileRequestCorpus.handWritten());
        corpus.addAll(HostileRequestCorpus.generated(10, GENERATED_PROBES));
        assertThat(corpus).hasSizeGreaterThan(300);
        Map<String, String> differences = new LinkedHashMap<>();
        // A generated probe (random combinations of the hand-written framing tricks) may differ only
        // by being refused outright where nginx takes it: the reasons are those documented above.
        List<String> stricter = new ArrayList<>();
        try (ExecutorService both = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Probe probe : corpus) {
                CompletableFuture<ProbeRun> viaGateway =
                        CompletableFuture.supplyAsync(() -> run(probe, fixture.gateway.port(), gatewayBackend), both);
                CompletableFuture<ProbeRun> viaNginx =
                        CompletableFuture.supplyAsync(() -> run(probe, nginx.port(), nginxBackend), both);
                ProbeRun gateway = viaGateway.join();
                ProbeRun peer = viaNginx.join();
                assertThat(gateway.outOfStep())
                        .as("smuggled past the gateway: %s %s%n%s", probe.name(), gateway, probe.bytes())
                        .isFalse();
                if (!sameOutcome(gateway, peer)) {
                    differences.put(probe.name(), "gateway " + gateway + "\n      nginx   " + peer);
                    if (probe.name().startsWith("gen-") && refusedOutright(gateway)) {
                        stricter.add(probe.name());
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder();
        differences.forEach((name, text) -> {
            if (!DOCUMENTED.containsKey(name) && !stricter.contains(name)) {
                report.append("  ")
                        .append(name)
                        .append(":\n      ")
                        .append(text)
                        .append('\n');
            }
        });
        System.out.printf(
                "differential: %d probes, %d differ from nginx: %d documented, %d generated where the gateway"
                        + " refuses what nginx takes%n",
                corpus.size(), differences.size(), differences.size() - stricter.size(), stricter.size());
        assertThat(report.toString())
                .as("differences from nginx not documented")
                .isEmpty();
        assertThat(DOCUMENTED.keySet())
                .as("documented differences that no longer occur: take them out of the README too")
                .allMatch(differences::containsKey);
    }

    /** One 4xx or 5xx answer and nothing forwarded. */
    private static boolean refusedOutright(ProbeRun run) {
        return run.backendSaw().isEmpty()
                && run.statuses().size() == 1
                && run.statuses().get(0) >= 400;
    }

    private static boolean sameOutcome(ProbeRun gateway, ProbeRun peer) {
        return gateway.statuses().equals(peer.statuses())
                && gateway.backendSaw().equals(peer.backendSaw());
    }

    private static ProbeRun run(Probe probe, int port, RecordingBackend backend) {
        try {
            return ProbeRun.of(probe, port, backend, READ_TIMEOUT_MS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(probe.name(), e);
        }
    }
}
