package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketEquivalenceTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void gcraAndTheLeakyBucketAdmitExactlyWhatATokenBucketAdmits(long seed) {
        // Three states, one behaviour: only the leaky bucket adds a queueing delay to the same answers.
        SplittableRandom random = new SplittableRandom(seed);
        RateLimitPolicy policy = Arrivals.policy(random);
        RateLimiter tokenBucket = RateLimitAlgorithm.TOKEN_BUCKET.create(policy);
        RateLimiter gcra = RateLimitAlgorithm.GCRA.create(policy);
        RateLimiter leakyBucket = RateLimitAlgorithm.LEAKY_BUCKET.create(policy);
        boolean delayed = false;
        for (Arrivals.Arrival arrival : Arrivals.sequence(random, policy, 2_000)) {
            Decision expected = tokenBucket.tryAcquire(arrival.timeNanos(), arrival.permits());
            assertThat(gcra.tryAcquire(arrival.timeNanos(), arrival.permits())).isEqualTo(expected);
            Decision queued = leakyBucket.tryAcquire(arrival.timeNanos(), arrival.permits());
            assertThat(queued)
                    .usingRecursiveComparison()
                    .ignoringFields("delayNanos")
                    .isEqualTo(expected);
            delayed |= queued.delayNanos() > 0;
        }
        assertThat(delayed).as("the queue shaped some requests").isTrue();
    }
}
