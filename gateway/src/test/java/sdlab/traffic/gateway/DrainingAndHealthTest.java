package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class DrainingAndHealthTest {

    @Test
    void removingAnUpstreamServerFailsNoRequestInFlight() throws Exception {
        // Twenty slow requests in flight on two servers; one server is removed meanwhile: all
        // twenty succeed, and afterwards only the remaining server is used.
        try (GatewayFixture fixture = new GatewayFixture()) {
            fixture.upstream("api", "v1", "a", "b");
            fixture.route("api", "/", "api");
            fixture.start();
            List<CompletableFuture<HttpResponse<String>>> inFlight = sendSlow(fixture, 20, 600);
            awaitTrue(() -> fixture.backend("a").served() + fixture.backend("b").served() >= 0
                    && fixture.gateway.metrics().requestsInFlight.get() == 20);
            assertThat(fixture.gateway.removeServer("api", fixture.backend("a").address()))
                    .isTrue();
            Set<String> servedBy = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                servedBy.add(GatewayFixture.servedBy(response.get()));
            }
            assertThat(servedBy).as("both served before the removal").contains("a", "b");
            HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
            for (int i = 0; i < 6; i++) {
                assertThat(GatewayFixture.servedBy(fixture.get(client, "/after")))
                        .isEqualTo("b");
            }
        }
    }

    @Test
    void stoppingTheGatewayLetsRequestsInFlightFinish() throws Exception {
        // Shutdown drains: the slow requests already accepted all complete with 200.
        GatewayFixture fixture = new GatewayFixture();
        try {
            fixture.upstream("api", "v1", "a");
            fixture.route("api", "/", "api");
            fixture.start();
            List<CompletableFuture<HttpResponse<String>>> inFlight = sendSlow(fixture, 8, 500);
            awaitTrue(() -> fixture.gateway.metrics().requestsInFlight.get() == 8);
            fixture.gateway.stop();
            for (CompletableFuture<HttpResponse<String>> response : inFlight) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        } finally {
            fixture.close();
        }
    }

    @Test
    void anHttpHealthCheckEjectsAFailingServerAndReadmitsItWhenItRecovers() throws Exception {
        // /healthz turns 503 on one server: it leaves rotation; back to 200: it returns.
        try (GatewayFixture fixture = new GatewayFixture()) {
            fixture.upstream("api", "v1", "a", "b")
                    .putObject("healthCheck")
                    .put("type", "http")
                    .put("path", "/healthz")
                    .put("intervalMs", 50)
                    .put("timeoutMs", 500)
                    .put("unhealthyThreshold", 2)
                    .put("healthyThreshold", 2);
            fixture.route("api", "/", "api");
            fixture.start();
            HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
            fixture.backend("a").setHealthy(false);
            awaitTrue(() -> servers(fixture, client, 6).equals(Set.of("b")));
            fixture.backend("a").setHealthy(true);
            awaitTrue(() -> servers(fixture, client, 6).equals(Set.of("a", "b")));
        }
    }

    @Test
    void aDeadServerIsRetriedElsewhereAndEjectedPassively() throws Exception {
        // The backend is killed: no client sees an error (connect failures retry on the other
        // server) and after three failures the dead one is ejected.
        try (GatewayFixture fixture = new GatewayFixture()) {
            fixture.upstream("api", "v1", "a", "b").put("ejectAfterFailures", 3).put("ejectMs", 60_000);
            fixture.route("api", "/", "api");
            fixture.start();
            fixture.backend("a").stop();
            for (int i = 0; i < 20; i++) {
                HttpClient fresh = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
                HttpResponse<String> response = fixture.get(fresh, "/x");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(GatewayFixture.servedBy(response)).isEqualTo("b");
            }
            assertThat(fixture.gateway.metrics().render())
                    .contains("sdlab_gateway_ejections_total{server=\""
                            + fixture.backends.get(0).address());
        }
    }

    @Test
    void aServerThatAnswersTooLateGets504() throws Exception {
        // The response timeout is 200 ms; the backend takes 2 s.
        try (GatewayFixture fixture = new GatewayFixture()) {
            fixture.config.putObject("limits").put("responseTimeoutMs", 200);
            fixture.upstream("api", "v1", "a").put("ejectAfterFailures", 0);
            fixture.route("api", "/", "api");
            fixture.start();
            HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
            assertThat(fixture.get(client, "/late?delayMs=2000").statusCode()).isEqualTo(504);
            assertThat(fixture.get(client, "/on-time").statusCode()).isEqualTo(200);
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> sendSlow(
            GatewayFixture fixture, int count, int delayMs) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // One client per request: each request its own connection, all in flight at once.
            responses.add(GatewayFixture.client(HttpClient.Version.HTTP_1_1)
                    .sendAsync(
                            HttpRequest.newBuilder(fixture.uri("/slow/" + i + "?delayMs=" + delayMs))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
        return responses;
    }

    private static Set<String> servers(GatewayFixture fixture, HttpClient client, int requests) {
        Set<String> servers = new HashSet<>();
        try {
            for (int i = 0; i < requests; i++) {
                servers.add(GatewayFixture.servedBy(fixture.get(client, "/h")));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return servers;
    }

    /** Polls {@code condition} every 20 ms for up to 5 s (a bounded wait, not a sleep-as-sync). */
    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }
}
