package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RateLimiterBasicsTest {

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void aRequestLargerThanTheLimiterCanEverHoldIsNeverGranted(RateLimitAlgorithm algorithm) {
        // Asking for more than the capacity gets a definite "never", not a misleading wait.
        RateLimiter limiter = algorithm.create(new RateLimitPolicy(5, 1_000, 5));
        Decision decision = limiter.tryAcquire(0, 6);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfterNanos()).isEqualTo(Decision.NEVER);
        assertThat(decision.remaining()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void timeRunningBackwardsIsTreatedAsTheLatestTimeSeen(RateLimitAlgorithm algorithm) {
        // A late reader of the clock cannot reopen a window or refill a bucket that already moved on.
        RateLimiter limiter = algorithm.create(new RateLimitPolicy(2, 1_000, 2));
        limiter.tryAcquire(5_000);
        limiter.tryAcquire(5_000);
        assertThat(limiter.tryAcquire(100).allowed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void aProbeOfZeroPermitsChangesNothing(RateLimitAlgorithm algorithm) {
        // permits = 0 reports the state and leaves it as it was.
        RateLimiter limiter = algorithm.create(new RateLimitPolicy(3, 1_000, 3));
        limiter.tryAcquire(10);
        Decision probe = limiter.tryAcquire(10, 0);
        assertThat(probe.allowed()).isTrue();
        assertThat(probe.remaining()).isEqualTo(2);
        assertThat(limiter.tryAcquire(10, 0)).isEqualTo(probe);
    }

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void aLimiterIsAtRestOnlyWhenItIsIndistinguishableFromAFreshOne(RateLimitAlgorithm algorithm) {
        // Busy right after use; at rest once its reset time has passed.
        RateLimiter limiter = algorithm.create(new RateLimitPolicy(3, 1_000, 3));
        assertThat(limiter.isAtRest(0)).isTrue();
        Decision decision = limiter.tryAcquire(10);
        assertThat(limiter.isAtRest(10)).isFalse();
        assertThat(limiter.isAtRest(10 + decision.resetAfterNanos())).isTrue();
    }

    @Test
    void aPolicyTooLargeForExactArithmeticIsRejectedWithTheNumbers() {
        // limit × period must fit in 62 bits; the message says which values broke it.
        assertThatThrownBy(() -> RateLimitPolicy.of(10_000_000, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit=10000000");
        assertThatThrownBy(() -> new RateLimitPolicy(0, 1, 1)).hasMessageContaining("positive");
    }

    @Test
    void algorithmsAreNamedInConfigurationInKebabCase() {
        // Config files say "sliding-window-log"; an unknown name lists the known ones.
        assertThat(RateLimitAlgorithm.parse("sliding-window-log")).isEqualTo(RateLimitAlgorithm.SLIDING_WINDOW_LOG);
        assertThatThrownBy(() -> RateLimitAlgorithm.parse("bucket"))
                .hasMessageContaining("unknown algorithm 'bucket'")
                .hasMessageContaining("gcra");
    }
}
