package sdlab.traffic.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RateLimiterPromiseTest {

    /** An admitted request: when it was admitted, when it may be forwarded, and its permits. */
    record Admission(long timeNanos, long departNanos, long permits) {}

    static Stream<Arguments> algorithmsAndSeeds() {
        return Stream.of(RateLimitAlgorithm.values()).flatMap(algorithm -> Stream.of(11L, 12L, 13L, 14L, 15L, 16L)
                .map(seed -> Arguments.of(algorithm, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("algorithmsAndSeeds")
    void noAlgorithmAdmitsMoreThanItPromisesOverAnyInterval(RateLimitAlgorithm algorithm, long seed) {
        // Over every interval between two admissions, the permits admitted stay within the
        // algorithm's stated envelope (and the leaky bucket's output within its shaping bound).
        SplittableRandom random = new SplittableRandom(seed);
        RateLimitPolicy policy = Arrivals.policy(random);
        List<Admission> admissions = admit(algorithm.create(policy), Arrivals.sequence(random, policy, 1_000));
        for (int i = 0; i < admissions.size(); i++) {
            long permits = 0;
            for (int j = i; j < admissions.size(); j++) {
                permits += admissions.get(j).permits();
                long intervalNanos =
                        admissions.get(j).timeNanos() - admissions.get(i).timeNanos();
                assertThat(withinPromise(algorithm, policy, intervalNanos, permits))
                        .as(
                                "seed %d %s: %d permits in %d ns from admission %d",
                                seed, policy, permits, intervalNanos, i)
                        .isTrue();
                if (algorithm == RateLimitAlgorithm.LEAKY_BUCKET) {
                    long departureNanos =
                            admissions.get(j).departNanos() - admissions.get(i).departNanos();
                    long beforeLast = permits - admissions.get(j).permits();
                    assertThat(beforeLast * policy.periodNanos())
                            .isLessThanOrEqualTo((departureNanos + 1) * policy.limit());
                }
            }
        }
    }

    @Test
    void fixedWindowAdmitsTwiceItsLimitAcrossAWindowBoundary() {
        // The famous weakness: a full window's worth at its last nanosecond and another at the next one.
        RateLimitPolicy policy = new RateLimitPolicy(10, 1_000, 10);
        assertThat(admittedAroundBoundary(RateLimitAlgorithm.FIXED_WINDOW, policy))
                .isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(
            value = RateLimitAlgorithm.class,
            names = {"FIXED_WINDOW"},
            mode = EnumSource.Mode.EXCLUDE)
    void otherAlgorithmsAdmitAtMostTheirLimitAcrossAWindowBoundary(RateLimitAlgorithm algorithm) {
        // The same two-nanosecond onslaught gets no more than one limit's worth from the others.
        RateLimitPolicy policy = new RateLimitPolicy(10, 1_000, 10);
        assertThat(admittedAroundBoundary(algorithm, policy)).isEqualTo(10);
    }

    @Test
    void slidingWindowCounterApproachesTwiceItsLimitOverOnePeriodInTheWorstCase() {
        // A previous window whose requests all came at its end lets the next window add its
        // weighted share: limit × (1 + T / period), below 2 × limit, within one period.
        RateLimitPolicy policy = new RateLimitPolicy(10, 1_000, 10);
        RateLimiter limiter = RateLimitAlgorithm.SLIDING_WINDOW_COUNTER.create(policy);
        int admitted = 0;
        for (long t : new long[] {999, 1_900}) {
            for (int i = 0; i < 20; i++) {
                admitted += limiter.tryAcquire(t).allowed() ? 1 : 0;
            }
        }
        // Within [999, 1900] (T = 901): 10 at the end of window 0 and 9 at offset 900 of window 1.
        assertThat(admitted).isEqualTo(19);
        assertThat(withinPromise(RateLimitAlgorithm.SLIDING_WINDOW_COUNTER, policy, 901, admitted))
                .isTrue();
    }

    /** The exact promise each algorithm's javadoc states, in integers. */
    static boolean withinPromise(
            RateLimitAlgorithm algorithm, RateLimitPolicy policy, long intervalNanos, long permits) {
        long p = policy.periodNanos();
        long l = policy.limit();
        return switch (algorithm) {
            case TOKEN_BUCKET, GCRA, LEAKY_BUCKET -> permits * p <= policy.burst() * p + intervalNanos * l;
            case FIXED_WINDOW -> permits <= l * (intervalNanos / p + 2);
            case SLIDING_WINDOW_LOG -> permits <= l * (intervalNanos / p + 1);
            case SLIDING_WINDOW_COUNTER ->
                intervalNanos <= p ? permits * p <= l * p + l * intervalNanos : permits <= l * (intervalNanos / p + 2);
        };
    }

    private static List<Admission> admit(RateLimiter limiter, List<Arrivals.Arrival> arrivals) {
        List<Admission> admissions = new ArrayList<>();
        for (Arrivals.Arrival arrival : arrivals) {
            Decision decision = limiter.tryAcquire(arrival.timeNanos(), arrival.permits());
            if (decision.allowed() && arrival.permits() > 0) {
                admissions.add(new Admission(
                        arrival.timeNanos(), arrival.timeNanos() + decision.delayNanos(), arrival.permits()));
            }
        }
        return admissions;
    }

    private static int admittedAroundBoundary(RateLimitAlgorithm algorithm, RateLimitPolicy policy) {
        RateLimiter limiter = algorithm.create(policy);
        int admitted = 0;
        for (long t : new long[] {2 * 1_000 + 999, 3 * 1_000}) {
            for (int i = 0; i < 30; i++) {
                admitted += limiter.tryAcquire(t).allowed() ? 1 : 0;
            }
        }
        return admitted;
    }
}
