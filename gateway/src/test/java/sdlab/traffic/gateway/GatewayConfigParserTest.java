package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;
import sdlab.traffic.ratelimit.http.RetryAfterFormat;

class GatewayConfigParserTest {
    private static final String VALID =
            """
            {
              "listen": {"host": "127.0.0.1", "port": 8080},
              "tls": {"port": 8443},
              "admin": {"port": 9090},
              "upstreams": [
                {"name": "api", "servers": [{"address": "127.0.0.1:9001"}, {"address": "127.0.0.1:9002", "version": "v1"}],
                 "balancer": "least-connections", "sticky": {"mode": "cookie"},
                 "healthCheck": {"type": "http", "path": "/healthz", "intervalMs": 500}},
                {"name": "api-v2", "servers": [{"address": "127.0.0.1:9003", "version": "v2"}]}
              ],
              "routes": [
                {"name": "api", "pathPrefix": "/api", "upstream": "api", "rateLimit": "per-client",
                 "canary": {"upstream": "api-v2", "header": "X-Canary", "weightPercent": 10}}
              ],
              "rateLimits": [
                {"name": "per-client", "algorithm": "gcra", "limit": 100, "periodMs": 1000, "burst": 20,
                 "key": "client-address", "retryAfter": "http-date"}
              ]
            }
            """;

    @Test
    void aValidFileIsReadWithItsDefaults() throws ConfigException {
        // Every section is read; unspecified fields take their documented defaults.
        GatewayConfig config = GatewayConfigParser.parse(VALID);
        assertThat(config.listen().port()).isEqualTo(8080);
        assertThat(config.tls().selfSigned()).isTrue();
        assertThat(config.upstreams().get(0).balancer())
                .isEqualTo(sdlab.traffic.balance.BalancePolicy.LEAST_CONNECTIONS);
        assertThat(config.upstreams().get(0).servers().get(0).version()).isEqualTo("v1");
        assertThat(config.upstreams().get(0).healthCheck().unhealthyThreshold()).isEqualTo(2);
        assertThat(config.routes().get(0).canary().cookie()).isEqualTo("SDLAB_CANARY");
        assertThat(config.rateLimits().get(0).algorithm()).isEqualTo(RateLimitAlgorithm.GCRA);
        assertThat(config.rateLimits().get(0).policy().burst()).isEqualTo(20);
        assertThat(config.rateLimits().get(0).retryAfter()).isEqualTo(RetryAfterFormat.HTTP_DATE);
        assertThat(config.limits().headerBytesMax()).isEqualTo(16_384);
    }

    @Test
    void anUnknownUpstreamIsNamedWithItsRoutesPath() {
        // The message points at the field, the bad value and the known names.
        String config = VALID.replace("\"routes\": [", "\"routes\": [{\"pathPrefix\": \"/a\", \"upstream\": \"api\"},")
                .replace("\"upstream\": \"api\", \"rateLimit\"", "\"upstream\": \"api2\", \"rateLimit\"");
        assertThatThrownBy(() -> GatewayConfigParser.parse(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[1].upstream: unknown upstream 'api2'; known: [api, api-v2]");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        // A typo, a bad algorithm, a bad address and a missing list: four problems, one run.
        String config =
                """
                {"listen": {"prot": 8080},
                 "upstreams": [{"name": "api", "servers": [{"address": "nowhere"}]}],
                 "rateLimits": [{"name": "r", "algorithm": "bucket"}]}
                """;
        assertThatThrownBy(() -> GatewayConfigParser.parse(config))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("listen.prot: unknown field"))
                        .anySatisfy(
                                p -> assertThat(p).startsWith("upstreams[0].servers[0].address: expected host:port"))
                        .anySatisfy(
                                p -> assertThat(p).startsWith("rateLimits[0].algorithm: unknown algorithm 'bucket'"))
                        .anySatisfy(p -> assertThat(p).isEqualTo("routes: at least one route is required")));
    }

    @Test
    void numbersOutOfRangeAndUnknownEnumValuesNameTheirField() {
        // A port too large and a balancer that does not exist.
        String config = VALID.replace("\"port\": 8080", "\"port\": 70000").replace("least-connections", "fastest");
        assertThatThrownBy(() -> GatewayConfigParser.parse(config))
                .hasMessageContaining("listen.port: must be between 0 and 65535, got 70000")
                .hasMessageContaining(
                        "upstreams[0].balancer: unknown value 'fastest'; expected one of [round-robin, least-connections, consistent-hash]");
    }

    @Test
    void theShippedExampleConfigurationIsValid() throws Exception {
        // The documented example uses every section and parses as it stands.
        try (var in = Gateway.class.getResourceAsStream("example-gateway.json")) {
            GatewayConfig config =
                    GatewayConfigParser.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(config.routes()).hasSize(2);
            assertThat(config.upstreams().get(2).hashKey().source()).isEqualTo(GatewayConfig.HashKey.Source.PATH);
        }
    }

    @Test
    void invalidJsonSaysWhere() {
        // A syntax error reports its line and column.
        assertThatThrownBy(() -> GatewayConfigParser.parse("{\n  \"listen\": {,}\n}"))
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }
}
