package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProxyHttp1Test {
    private static GatewayFixture fixture;
    private static final HttpClient CLIENT = GatewayFixture.client(HttpClient.Version.HTTP_1_1);

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayFixture();
        fixture.upstream("api", "v1", "a", "b");
        fixture.upstream("hashed", "v1", "h1", "h2", "h3")
                .put("balancer", "consistent-hash")
                .put("hashKey", "header:X-User");
        fixture.upstream("least", "v1", "l1", "l2").put("balancer", "least-connections");
        fixture.route("hashed", "/hashed", "hashed");
        fixture.route("least", "/least", "least");
        fixture.route("api", "/api", "api");
        fixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aGetIsProxiedToTheUpstreamWithForwardingHeaders() throws Exception {
        // The backend sees the path, the client's address in X-Forwarded-For and no hop-by-hop fields.
        HttpResponse<String> response = fixture.get(CLIENT, "/api/items?x=1", "X-Trace", "t1");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> echo = GatewayFixture.echo(response);
        assertThat(echo.get("path")).isEqualTo("/api/items");
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) echo.get("headers");
        assertThat(headers).containsEntry("x-forwarded-for", "127.0.0.1").containsEntry("x-trace", "t1");
        assertThat(headers).containsEntry("x-forwarded-proto", "http").doesNotContainKey("connection");
    }

    @Test
    void aPostBodyIsStreamedThrough() throws Exception {
        // 200 kB of body arrive whole at the backend.
        byte[] body = new byte[200_000];
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(fixture.uri("/api/upload"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(GatewayFixture.echo(response).get("bodyBytes")).isEqualTo(200_000);
    }

    @Test
    void roundRobinAlternatesAndUpstreamConnectionsAreReused() throws Exception {
        // Forty requests over one client connection: both servers serve, over a handful of pooled connections.
        long connectsBefore = fixture.gateway.metrics().upstreamConnects.sum();
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            servedBy.merge(GatewayFixture.servedBy(fixture.get(CLIENT, "/api/rr")), 1, Integer::sum);
        }
        assertThat(servedBy).containsOnlyKeys("a", "b");
        assertThat(servedBy.get("a")).isBetween(15, 25);
        assertThat(fixture.gateway.metrics().upstreamConnects.sum() - connectsBefore)
                .isLessThanOrEqualTo(8);
    }

    @Test
    void consistentHashSendsOneKeyToOneServer() throws Exception {
        // The same X-User always lands on the same server; different users spread out.
        Map<String, String> serverOfUser = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            for (int user = 0; user < 12; user++) {
                String server = GatewayFixture.servedBy(fixture.get(CLIENT, "/hashed/x", "X-User", "user-" + user));
                String first = serverOfUser.putIfAbsent("user-" + user, server);
                assertThat(first == null ? server : first).isEqualTo(server);
            }
        }
        assertThat(new java.util.HashSet<>(serverOfUser.values())).hasSizeGreaterThan(1);
    }

    @Test
    void leastConnectionsAvoidsABusyServer() throws Exception {
        // While a slow request holds one server, quick ones go to the other.
        var slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(fixture.uri("/least/slow?delayMs=800")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200); // let the slow request reach its server
        HttpClient other = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            servedBy.merge(GatewayFixture.servedBy(fixture.get(other, "/least/quick")), 1, Integer::sum);
        }
        String slowServer = GatewayFixture.servedBy(slow.get());
        assertThat(servedBy).doesNotContainKey(slowServer);
    }

    @Test
    void aPathWithoutARouteIs404() throws Exception {
        // No route matches: the gateway answers itself and keeps the connection.
        assertThat(fixture.get(CLIENT, "/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreServedInPrometheusTextFormatOnTheAdminPort() throws Exception {
        // Counters per route and status class, and the latency histogram.
        fixture.get(CLIENT, "/api/m");
        HttpResponse<String> metrics = CLIENT.send(
                HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + fixture.gateway.adminPort() + "/metrics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body())
                .contains("sdlab_gateway_requests_total{route=\"api\",code=\"2xx\"}")
                .contains("sdlab_gateway_request_duration_seconds_bucket{route=\"api\",le=\"+Inf\"}");
        assertThat(metrics.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }
}
