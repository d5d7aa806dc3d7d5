package sdlab.bench.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every benchmarked limiter enforces the same policy, so the timings compare equal work. */
class LimiterUnderTestTest {
    static Stream<String> names() {
        return LimiterUnderTest.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void aFrozenClockAdmitsOneBurstOrWindowAndNoMore(String name) {
        // With a clock that (almost) stands still, a bucket allows its burst, a window its limit, then denies.
        LimiterUnderTest limiter = LimiterUnderTest.create(name, new SteppingClock(1), false);
        int allowed = 0;
        for (int i = 0; i < 3 * LimiterUnderTest.BURST; i++) {
            allowed += limiter.tryAcquire() ? 1 : 0;
        }

        assertThat(allowed).isBetween((int) LimiterUnderTest.LIMIT - 2, (int) LimiterUnderTest.BURST + 2);
    }

    @ParameterizedTest
    @MethodSource("names")
    void atTwiceTheRateAboutHalfIsAllowed(String name) {
        // A 1 µs step offers 1,000,000 calls/s against 500,000 permits/s: about half pass, on every limiter.
        LimiterTiming timing = LimiterLoop.time(name, 1, Duration.ZERO, Duration.ofMillis(50));

        assertThat((double) timing.allowed() / timing.calls()).isBetween(0.45, 0.55);
    }

    static Stream<String> sdlabNames() {
        return names().filter(n -> !n.equals(LimiterUnderTest.BUCKET4J));
    }

    @ParameterizedTest
    @MethodSource("sdlabNames")
    void sharedSdlabLimitersStayWithinTheirPolicyOnTwoThreads(String name) {
        // Two threads on one locked limiter: no more than the rate plus one burst of clock time. (Only
        // sdlab's: they read the clock under their lock, so every call advances it; Bucket4j reads it
        // outside any lock, where racing increments may be lost.)
        LimiterTiming timing = LimiterLoop.time(name, 2, Duration.ZERO, Duration.ofMillis(50));

        double virtualPeriods = timing.calls() * 1_000.0 / LimiterUnderTest.PERIOD.toNanos();
        assertThat((double) timing.allowed())
                .isLessThanOrEqualTo(LimiterUnderTest.LIMIT * (virtualPeriods + 2) + LimiterUnderTest.BURST);
    }
}
