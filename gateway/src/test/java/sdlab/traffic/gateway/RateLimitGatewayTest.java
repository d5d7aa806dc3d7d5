package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitGatewayTest {
    private static GatewayFixture fixture;
    private static final HttpClient CLIENT = GatewayFixture.client(HttpClient.Version.HTTP_1_1);

    @BeforeAll
    static void start() throws Exception {
        fixture = new GatewayFixture();
        fixture.upstream("api", "v1", "a");
        fixture.rateLimit("per-key")
                .put("algorithm", "fixed-window")
                .put("limit", 3)
                .put("periodMs", 60_000)
                .put("key", "header:X-Api-Key");
        fixture.rateLimit("dated")
                .put("algorithm", "token-bucket")
                .put("limit", 1)
                .put("periodMs", 30_000)
                .put("burst", 1)
                .put("key", "global")
                .put("retryAfter", "http-date");
        fixture.rateLimit("shaped")
                .put("algorithm", "leaky-bucket")
                .put("limit", 10)
                .put("periodMs", 1_000)
                .put("burst", 10)
                .put("key", "global");
        fixture.route("limited", "/limited", "api").put("rateLimit", "per-key");
        fixture.route("shaped", "/shaped", "api").put("rateLimit", "shaped");
        fixture.route("dated", "/dated", "api").put("rateLimit", "dated");
        fixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void requestsBeyondTheLimitGet429WithRetryAfterAndRateLimitFields() throws Exception {
        // Three allowed (with their remaining quota advertised), then 429 telling when to retry.
        long limitedBefore = fixture.gateway.metrics().rateLimitedCount("per-key");
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = fixture.get(CLIENT, "/limited/x", "X-Api-Key", "alice");
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("RateLimit").orElseThrow())
                    .startsWith("\"per-key\";r=" + remaining + ";t=");
        }
        HttpResponse<String> denied = fixture.get(CLIENT, "/limited/x", "X-Api-Key", "alice");
        assertThat(denied.statusCode()).isEqualTo(429);
        long retryAfterSeconds =
                Long.parseLong(denied.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfterSeconds).isBetween(1L, 60L);
        assertThat(denied.headers().firstValue("RateLimit-Policy")).hasValue("\"per-key\";q=3;w=60");
        assertThat(denied.headers().firstValue("RateLimit")).hasValue("\"per-key\";r=0;t=" + retryAfterSeconds);
        assertThat(denied.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fixture.gateway.metrics().rateLimitedCount("per-key")).isEqualTo(limitedBefore + 1);
    }

    @Test
    void eachApiKeyHasItsOwnQuota() throws Exception {
        // Bob's requests are not charged to Carol.
        for (int i = 0; i < 3; i++) {
            assertThat(fixture.get(CLIENT, "/limited/y", "X-Api-Key", "bob").statusCode())
                    .isEqualTo(200);
        }
        assertThat(fixture.get(CLIENT, "/limited/y", "X-Api-Key", "bob").statusCode())
                .isEqualTo(429);
        assertThat(fixture.get(CLIENT, "/limited/y", "X-Api-Key", "carol").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aLeakyBucketDelaysRequestsInsteadOfRefusingThem() throws Exception {
        // Five requests at once against 10 per second: all served, the last about 400 ms later.
        HttpClient client = GatewayFixture.client(HttpClient.Version.HTTP_1_1);
        long startNanos = System.nanoTime();
        var responses = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 5; i++) {
            responses.add(client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(fixture.uri("/shaped/" + i))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        // A lower bound only: the queue cannot release the fifth before 4 × 100 ms have passed.
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
    }

    @Test
    void retryAfterCanBeAnHttpDate() throws Exception {
        // Configured as http-date: an IMF-fixdate about 30 s ahead (rounded up, never early).
        assertThat(fixture.get(CLIENT, "/dated/a").statusCode()).isEqualTo(200);
        ZonedDateTime before = ZonedDateTime.now();
        HttpResponse<String> denied = fixture.get(CLIENT, "/dated/b");
        assertThat(denied.statusCode()).isEqualTo(429);
        ZonedDateTime retryAt = ZonedDateTime.parse(
                denied.headers().firstValue("Retry-After").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(before, retryAt).toSeconds()).isBetween(28L, 32L);
    }
}
