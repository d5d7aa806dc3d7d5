package sdlab.traffic.ratelimit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import sdlab.traffic.ratelimit.Decision;
import sdlab.traffic.ratelimit.RateLimitPolicy;

class RateLimitFieldsTest {

    @Test
    void thePolicyFieldCarriesQuotaAndWindowInSeconds() {
        // draft-11 section 3: "name";q=quota;w=window-seconds.
        assertThat(RateLimitFields.policy("api", RateLimitPolicy.of(100, Duration.ofMinutes(1))))
                .isEqualTo("\"api\";q=100;w=60");
    }

    @Test
    void aSubSecondWindowIsAdvertisedAsOneSecond() {
        // The draft has no sub-second windows; w is at least 1.
        assertThat(RateLimitFields.policy("fast", RateLimitPolicy.of(5, Duration.ofMillis(250))))
                .isEqualTo("\"fast\";q=5;w=1");
    }

    @Test
    void aThrottledLimitFieldHasNothingLeftAndTheRetryDelayAsItsWindow() {
        // r=0 and t equal to Retry-After, so that t never ends before the retry moment.
        Decision denied = new Decision(false, 0, 2_500_000_000L, 9_000_000_000L, 0);
        assertThat(RateLimitFields.limit("api", denied)).isEqualTo("\"api\";r=0;t=3");
    }

    @Test
    void anAllowedLimitFieldHasTheRemainingQuotaAndTheTimeToFullReset() {
        // Allowed responses carry the fields too, so that clients can slow down before a 429.
        Decision allowed = new Decision(true, 7, 0, 4_000_000_000L, 0);
        assertThat(RateLimitFields.limit("api", allowed)).isEqualTo("\"api\";r=7;t=4");
        assertThat(RateLimitFields.limit("api", allowed, "k1".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("\"api\";r=7;t=4;pk=:azE=:");
    }

    @Test
    void policyNamesAreStructuredFieldStrings() {
        // Quotes and backslashes are escaped; non-ASCII is refused.
        assertThat(RateLimitFields.sfString("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThatThrownBy(() -> RateLimitFields.sfString("café")).hasMessageContaining("printable ASCII");
    }

    @Test
    void aPolicysHeadersAreTheFieldsItsDecisionsGive() {
        // Made once per policy, the fields match what RateLimitFields builds from scratch.
        RateLimitPolicy policy = RateLimitPolicy.of(100, Duration.ofMinutes(1));
        Decision allowed = new Decision(true, 7, 0, 3_500_000_000L, 0);
        RateLimitHeaders headers = new RateLimitHeaders("api", policy);

        assertThat(headers.of(allowed))
                .containsExactly(
                        new HeaderField("RateLimit-Policy", RateLimitFields.policy("api", policy)),
                        new HeaderField("RateLimit", RateLimitFields.limit("api", allowed)));
    }
}
