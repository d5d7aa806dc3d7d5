package sdlab.traffic.ratelimit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;

class ThrottleResponseTest {

    @Test
    void aThrottledRequestGets429WithRetryAfterAndBothRateLimitFields() {
        // Everything a client needs to come back at the right time.
        Decision denied = new Decision(false, 0, 1_500_000_000L, 1_500_000_000L, 0);
        ThrottleResponse response = ThrottleResponse.tooManyRequests(
                "per-client", RateLimitPolicy.of(10, Duration.ofSeconds(1)), denied, RetryAfterFormat.DELTA_SECONDS, 0);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers())
                .containsExactly(
                        new HeaderField("Retry-After", "2"),
                        new HeaderField("RateLimit-Policy", "\"per-client\";q=10;w=1"),
                        new HeaderField("RateLimit", "\"per-client\";r=0;t=2"),
                        new HeaderField("Content-Type", "application/problem+json"));
        assertThat(response.body()).contains("#quota-exceeded").contains("[\"per-client\"]");
    }

    @Test
    void loadSheddingGets503WithRetryAfter() {
        // The server, not the client, is over capacity.
        ThrottleResponse response =
                ThrottleResponse.serviceUnavailable("overload", 30_000_000_000L, RetryAfterFormat.DELTA_SECONDS, 0);
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).contains(new HeaderField("Retry-After", "30"));
        assertThat(response.body()).contains("#temporary-reduced-capacity");
    }
}
