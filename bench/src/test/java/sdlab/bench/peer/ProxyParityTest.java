package sdlab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import sdlab.traffic.gateway.EchoServer;
import sdlab.traffic.gateway.Gateway;
import sdlab.traffic.gateway.GatewayConfigParser;

/**
 * The bench's two proxies do the same work: from one {@link ProxySetup}, the sdlab gateway and a
 * real nginx hand the backend the same request, so the echo backend answers both with the same
 * fields and the same number of bytes.
 */
class ProxyParityTest {
    private static final RequiredTool NGINX = new RequiredTool("nginx", "nginx");
    private static final List<String> FORWARDED = List.of("host", "x-forwarded-for", "x-forwarded-proto");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void bothProxiesForwardTheSameFieldsToTheBackend() throws Exception {
        // Shows: Host as the client sent it, X-Forwarded-For and X-Forwarded-Proto reach the backend through either.
        Assumptions.assumeTrue(NGINX.locate().isPresent(), "skipped: nginx is not installed");
        EchoServer echo = EchoServer.ephemeral("echo-1", "v1").start(1);
        Gateway gateway = null;
        try (Scratch scratch = Scratch.create("sdlab-parity-test-")) {
            ProxySetup setup = new ProxySetup(List.of(echo.address()), true, 8);
            gateway = new Gateway(GatewayConfigParser.parse(setup.gatewayJson()), 1).start();
            int nginxPort = FreePort.pick();
            scratch.write("nginx.conf", setup.nginxConf(nginxPort, FreePort.pick(), scratch.dir()));
            try (ChildProcess nginx = ChildProcess.startListening(
                    "nginx",
                    List.of(
                            NGINX.locate().orElseThrow().toString(),
                            "-c",
                            scratch.resolve("nginx.conf").toString(),
                            "-p",
                            scratch.dir().toString()),
                    scratch.resolve("nginx.log"),
                    nginxPort,
                    Duration.ofSeconds(20))) {
                Map<String, String> viaGateway = forwardedFields(gateway.port());
                Map<String, String> viaNginx = forwardedFields(nginxPort);

                assertThat(viaGateway)
                        .containsEntry("host", "127.0.0.1:" + gateway.port())
                        .containsEntry("x-forwarded-for", "127.0.0.1")
                        .containsEntry("x-forwarded-proto", "http");
                assertThat(viaNginx)
                        .containsEntry("host", "127.0.0.1:" + nginxPort)
                        .containsEntry("x-forwarded-for", "127.0.0.1")
                        .containsEntry("x-forwarded-proto", "http");
            }
        } finally {
            if (gateway != null) {
                gateway.stop();
            }
            echo.stop();
        }
    }

    /** The forwarding fields the echo backend saw for a GET through the proxy on {@code port}. */
    private Map<String, String> forwardedFields(int port) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/parity"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode headers = new ObjectMapper().readTree(response.body()).get("headers");
        Map<String, String> fields = new TreeMap<>();
        for (String name : FORWARDED) {
            if (headers.has(name)) {
                fields.put(name, headers.get(name).asText());
            }
        }
        return fields;
    }
}
