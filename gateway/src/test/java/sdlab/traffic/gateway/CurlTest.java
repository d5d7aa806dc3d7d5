package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway with curl, the client users reach for first; skipped with a message where curl is absent. */
class CurlTest {
    private static final long CURL_TIMEOUT_SECONDS = 20;
    private static GatewayFixture fixture;
    private static Path trustedAuthority;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(curlInstalled(), "curl is not installed: skipping the curl tests (apt-get install curl)");
        fixture = new GatewayFixture();
        fixture.upstream("api", "v1", "a");
        fixture.route("api", "/", "api");
        fixture.config.putObject("tls").put("port", 0);
        fixture.start();
        trustedAuthority = Files.createTempFile("sdlab-gateway-ca", ".pem");
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(fixture.gateway.selfSignedCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(trustedAuthority, pem);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
            Files.deleteIfExists(trustedAuthority);
        }
    }

    @Test
    void curlOverHttp11() throws Exception {
        // Plain HTTP/1.1: the echo's JSON comes back with status 200.
        String out = curl("--http1.1", "http://127.0.0.1:" + fixture.gateway.port() + "/curl/one");
        assertThat(out).contains("\"path\":\"/curl/one\"").endsWith("200 1.1");
    }

    @Test
    void curlWithHttp2PriorKnowledge() throws Exception {
        // h2c without an upgrade: the connection preface is recognised.
        String out = curl("--http2-prior-knowledge", "http://127.0.0.1:" + fixture.gateway.port() + "/curl/h2c");
        assertThat(out).contains("\"path\":\"/curl/h2c\"").endsWith("200 2");
    }

    @Test
    void curlWithH2cUpgrade() throws Exception {
        // HTTP/1.1 with Upgrade: h2c; the response arrives over HTTP/2.
        String out = curl("--http2", "http://127.0.0.1:" + fixture.gateway.port() + "/curl/upgrade");
        assertThat(out).contains("\"path\":\"/curl/upgrade\"").endsWith("200 2");
    }

    @Test
    void curlOverTlsWithH2TrustingTheGeneratedAuthority() throws Exception {
        // h2 via ALPN, verified against the gateway's generated authority (no --insecure).
        String out = curl(
                "--http2",
                "--cacert",
                trustedAuthority.toString(),
                "https://localhost:" + fixture.gateway.tlsPort() + "/curl/tls");
        assertThat(out).contains("\"path\":\"/curl/tls\"").endsWith("200 2");
    }

    private static String curl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "--silent",
                "--show-error",
                "--max-time",
                "10",
                "--write-out",
                "\n%{http_code} %{http_version}"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(CURL_TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .as("curl finished")
                .isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.exitValue()).as("curl exit status; output: %s", out).isZero();
        return out;
    }

    private static boolean curlInstalled() {
        try {
            Process process = new ProcessBuilder("curl", "--version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
