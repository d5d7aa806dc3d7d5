package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimiterReferenceTest {

    static Stream<Arguments> algorithmsAndSeeds() {
        return Stream.of(RateLimitAlgorithm.values()).flatMap(algorithm -> Stream.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)
                .map(seed -> Arguments.of(algorithm, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("algorithmsAndSeeds")
    void everyDecisionMatchesTheBruteForceReference(RateLimitAlgorithm algorithm, long seed) {
        // Every field of every decision equals what the definition-level model derives by search.
        SplittableRandom random = new SplittableRandom(seed);
        RateLimitPolicy policy = Arrivals.policy(random);
        RateLimiter limiter = algorithm.create(policy);
        ReferenceLimiter reference = new ReferenceLimiter(algorithm, policy);
        List<Arrivals.Arrival> arrivals = Arrivals.sequence(random, policy, 300);
        int allowed = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            Arrivals.Arrival arrival = arrivals.get(i);
            Decision actual = limiter.tryAcquire(arrival.timeNanos(), arrival.permits());
            Decision expected = reference.tryAcquire(arrival.timeNanos(), arrival.permits());
            assertThat(actual)
                    .as("seed %d, %s, arrival %d at %d for %d", seed, policy, i, arrival.timeNanos(), arrival.permits())
                    .isEqualTo(expected);
            allowed += actual.allowed() ? 1 : 0;
        }
        assertThat(allowed).as("the sequence exercises both outcomes").isBetween(1, arrivals.size() - 1);
    }
}
