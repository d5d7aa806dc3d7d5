package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyedRateLimiterTest {

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void forgettingKeysAtRestChangesNoDecision(RateLimitAlgorithm algorithm) {
        // Many clients come and go; the bounded table decides exactly as an unbounded one would.
        RateLimitPolicy policy = new RateLimitPolicy(3, 1_000, 4);
        KeyedRateLimiter<Integer> keyed = new KeyedRateLimiter<>(algorithm, policy, 64);
        Map<Integer, RateLimiter> unbounded = new HashMap<>();
        SplittableRandom random = new SplittableRandom(31);
        long t = 0;
        for (int i = 0; i < 20_000; i++) {
            t += random.nextInt(20);
            int key = (int) (t / 2_000) * 10 + random.nextInt(10); // ten active clients at a time
            Decision expected = unbounded
                    .computeIfAbsent(key, k -> algorithm.create(policy))
                    .tryAcquire(t, 1);
            assertThat(keyed.tryAcquire(key, t, 1)).isEqualTo(expected);
        }
        assertThat(keyed.evictionsAtRest()).isPositive();
        assertThat(keyed.evictionsForced()).isZero();
        assertThat(keyed.size()).isLessThanOrEqualTo(64);
    }

    @Test
    void aFullTableOfBusyKeysForgetsTheLeastRecentlyUsedAndCountsIt() {
        // The documented fail-open case: the forgotten client starts again with a full allowance.
        KeyedRateLimiter<String> keyed =
                new KeyedRateLimiter<>(RateLimitAlgorithm.FIXED_WINDOW, new RateLimitPolicy(1, 1_000, 1), 2);
        assertThat(keyed.tryAcquire("a", 0, 1).allowed()).isTrue();
        assertThat(keyed.tryAcquire("b", 0, 1).allowed()).isTrue();
        assertThat(keyed.tryAcquire("c", 0, 1).allowed()).isTrue();
        assertThat(keyed.evictionsForced()).isEqualTo(1);
        assertThat(keyed.tryAcquire("a", 0, 1).allowed()).as("a was forgotten").isTrue();
        assertThat(keyed.size()).isEqualTo(2);
    }
}
