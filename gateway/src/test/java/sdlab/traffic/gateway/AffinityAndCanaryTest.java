package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AffinityAndCanaryTest {
    private static GatewayFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayFixture();
        fixture.upstream("cookie-sticky", "v1", "c1", "c2", "c3")
                .putObject("sticky")
                .put("mode", "cookie");
        fixture.upstream("ip-sticky", "v1", "i1", "i2", "i3")
                .putObject("sticky")
                .put("mode", "client-address");
        fixture.upstream("stable", "v1", "s1", "s2");
        fixture.upstream("canary", "v2", "k1");
        fixture.route("cookie", "/cookie", "cookie-sticky");
        fixture.route("ip", "/ip", "ip-sticky");
        fixture.route("weighted", "/weighted", "stable")
                .putObject("canary")
                .put("upstream", "canary")
                .put("weightPercent", 50)
                .put("header", "X-Canary")
                .put("headerValue", "1");
        fixture.route("opt-in", "/opt-in", "stable")
                .putObject("canary")
                .put("upstream", "canary")
                .put("weightPercent", 0)
                .put("header", "X-Canary")
                .put("headerValue", "1");
        fixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static HttpClient browser() {
        // A client with a cookie jar, as a browser keeps its session.
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aStickyCookieKeepsEachClientOnOneServer() throws Exception {
        // Every browser stays on the server it was first given; together they use several.
        Set<String> firstServers = new HashSet<>();
        for (int user = 0; user < 6; user++) {
            HttpClient browser = browser();
            String first = GatewayFixture.servedBy(fixture.get(browser, "/cookie/a"));
            firstServers.add(first);
            for (int i = 0; i < 5; i++) {
                assertThat(GatewayFixture.servedBy(fixture.get(browser, "/cookie/a")))
                        .isEqualTo(first);
            }
        }
        assertThat(firstServers).hasSizeGreaterThan(1);
    }

    @Test
    void clientAddressAffinityKeepsOneAddressOnOneServer() throws Exception {
        // Without cookies, all of 127.0.0.1's requests hash to one server, over new connections too.
        Set<String> servers = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            servers.add(
                    GatewayFixture.servedBy(fixture.get(GatewayFixture.client(HttpClient.Version.HTTP_1_1), "/ip/x")));
        }
        assertThat(servers).hasSize(1);
    }

    @Test
    void theCanaryHeaderOptsIn() throws Exception {
        // With X-Canary: 1 the canary serves; without it (weight 0) the stable version does.
        HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
        assertThat(GatewayFixture.echo(fixture.get(client, "/opt-in/x", "X-Canary", "1"))
                        .get("version"))
                .isEqualTo("v2");
        assertThat(GatewayFixture.echo(fixture.get(client, "/opt-in/x")).get("version"))
                .isEqualTo("v1");
    }

    @Test
    void theCanaryCookieChoosesTheVersion() throws Exception {
        // A user pinned by cookie gets that version whatever the weight says.
        HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
        for (int i = 0; i < 5; i++) {
            assertThat(GatewayFixture.echo(fixture.get(client, "/weighted/x", "Cookie", "SDLAB_CANARY=canary"))
                            .get("version"))
                    .isEqualTo("v2");
            assertThat(GatewayFixture.echo(fixture.get(client, "/weighted/x", "Cookie", "SDLAB_CANARY=stable"))
                            .get("version"))
                    .isEqualTo("v1");
        }
    }

    @Test
    void aWeightedCanaryKeepsEachUserOnTheVersionFirstGiven() throws Exception {
        // Forty users drawn at 50%: both versions are handed out, and nobody ever switches.
        Map<String, Integer> usersPerVersion = new HashMap<>();
        for (int user = 0; user < 40; user++) {
            HttpClient browser = browser();
            HttpResponse<String> first = fixture.get(browser, "/weighted/x");
            String version = (String) GatewayFixture.echo(first).get("version");
            assertThat(first.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("SDLAB_CANARY="));
            usersPerVersion.merge(version, 1, Integer::sum);
            for (int i = 0; i < 4; i++) {
                assertThat(GatewayFixture.echo(fixture.get(browser, "/weighted/x"))
                                .get("version"))
                        .isEqualTo(version);
            }
        }
        assertThat(usersPerVersion).containsKeys("v1", "v2");
    }
}
