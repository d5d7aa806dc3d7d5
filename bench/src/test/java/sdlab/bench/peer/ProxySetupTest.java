package sdlab.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.traffic.gateway.GatewayConfig;
import sdlab.traffic.gateway.GatewayConfigParser;

/** The gateway and nginx configurations of one set-up say the same thing. */
class ProxySetupTest {
    private static final List<String> UPSTREAMS = List.of("127.0.0.1:9001", "127.0.0.1:9002");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gatewayConfigIsValidForTheGatewaysOwnParser(boolean limited) throws Exception {
        // The generated JSON passes the gateway's validation, with both upstream servers and no access log.
        GatewayConfig config = GatewayConfigParser.parse(new ProxySetup(UPSTREAMS, limited, 256).gatewayJson());

        assertThat(config.upstreams()).hasSize(1);
        assertThat(config.upstreams().get(0).servers()).hasSize(2);
        assertThat(config.rateLimits()).hasSize(limited ? 1 : 0);
        assertThat(config.accessLog()).isFalse();
    }

    @Test
    void nginxConfigPoolsUpstreamConnectionsAndListensOnBothPorts() {
        // Same upstreams, a keep-alive pool, HTTP/1.1 to upstreams, one HTTP/1.1 and one h2c listener.
        String conf = new ProxySetup(UPSTREAMS, false, 256).nginxConf(18080, 18081, Path.of("/tmp/x"));

        assertThat(conf)
                .contains("server 127.0.0.1:9001;", "server 127.0.0.1:9002;")
                .contains("keepalive 256;", "proxy_http_version 1.1;", "proxy_set_header Connection \"\";")
                .contains("listen 127.0.0.1:18080;", "listen 127.0.0.1:18081 http2;")
                .contains("pid /tmp/x/nginx.pid;", "daemon off;", "access_log off;")
                .doesNotContain("limit_req");
    }

    @Test
    void nginxRateLimitRunsOnEveryRequestButDeniesNone() {
        // limit_req with a rate and burst far above any loopback load, without delaying anyone.
        String conf = new ProxySetup(UPSTREAMS, true, 256).nginxConf(18080, 18081, Path.of("/tmp/x"));

        assertThat(conf)
                .contains("limit_req_zone $binary_remote_addr zone=bench:10m rate=1000000r/s;")
                .contains("limit_req zone=bench burst=1000000 nodelay;");
    }

    @Test
    void nginxAcceptsTheGeneratedConfig() throws Exception {
        // When nginx is installed, 'nginx -t' accepts the file as written.
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new RequiredTool("nginx", "nginx").locate().isPresent(), "skipped: nginx is not installed");
        try (Scratch scratch = Scratch.create("sdlab-nginx-test-")) {
            Path conf = scratch.write(
                    "nginx.conf",
                    new ProxySetup(UPSTREAMS, true, 256).nginxConf(FreePort.pick(), FreePort.pick(), scratch.dir()));
            String nginx =
                    new RequiredTool("nginx", "nginx").locate().orElseThrow().toString();

            String output = LoadRun.run(
                    List.of(
                            nginx,
                            "-t",
                            "-c",
                            conf.toString(),
                            "-p",
                            scratch.dir().toString()),
                    scratch.resolve("nginx-t.txt"),
                    java.time.Duration.ofSeconds(20));

            assertThat(output).contains("syntax is ok");
        }
    }
}
