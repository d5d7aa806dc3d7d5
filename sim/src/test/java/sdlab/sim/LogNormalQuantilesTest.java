package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogNormalQuantilesTest {

    /** A generator whose every draw is {@code bits}, to aim at one point of the table. */
    private static RandomGenerator fixed(long bits) {
        return () -> bits;
    }

    private static double exactQuantile(double sigma, double p) {
        double z = p <= 0.5 ? NormalQuantile.lowerHalf(p) : -NormalQuantile.lowerHalf(1 - p);
        return StrictMath.exp(sigma * z);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.8, 2.0})
    void samplesMatchTheExactQuantileAtCellEdgesAndInTheTails(double sigma) {
        // At the start of every body cell the sample is the exact quantile; in the first and
        // last cell it is computed exactly, down to probabilities of 2^-65.
        LogNormalQuantiles quantiles = new LogNormalQuantiles(sigma);
        int cells = LogNormalQuantiles.CELLS;
        for (int cell = 1; cell < cells - 1; cell++) {
            double sample = quantiles.sample(fixed((long) cell << 52));
            double exact = exactQuantile(sigma, cell / (double) cells);
            assertThat(sample).isCloseTo(exact, within(1e-9 * exact));
        }
        double lowest = quantiles.sample(fixed(0));
        assertThat(lowest).isCloseTo(exactQuantile(sigma, 0x1.0p-65), within(1e-9 * lowest));
        // The two tails mirror each other: the highest multiplier is the inverse of the lowest.
        double highest = quantiles.sample(fixed(-1));
        assertThat(highest).isCloseTo(1 / lowest, within(1e-12 * highest));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 2.0})
    void samplesRiseWithTheDraw(double sigma) {
        // Inversion is monotone: a larger draw never gives a shorter delay.
        LogNormalQuantiles quantiles = new LogNormalQuantiles(sigma);
        double previous = 0;
        for (long step = 0; step < 1 << 16; step++) {
            long bits = Long.MIN_VALUE + step * (1L << 48) + 12345;
            double sample = quantiles.sample(fixed(bits ^ Long.MIN_VALUE));
            assertThat(sample).isGreaterThanOrEqualTo(previous);
            previous = sample;
        }
    }

    @Test
    void runsWithTheSameSigmaShareOneTableThatSamplesAsAFreshOne() {
        // The shared table is the one a run would have built: the same samples from the same draws.
        assertThat(LogNormalQuantiles.of(0.5)).isSameAs(LogNormalQuantiles.of(0.5));
        LogNormalQuantiles shared = LogNormalQuantiles.of(0.5);
        LogNormalQuantiles fresh = new LogNormalQuantiles(0.5);
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            assertThat(shared.sample(a)).isEqualTo(fresh.sample(b));
        }
    }

    @Test
    void tablesBeyondTheBoundAreBuiltButNotKept() {
        // A program that asks for many sigmas still gets correct tables; the cache stops growing at its bound.
        for (int i = 0; i <= LogNormalQuantiles.TABLES_CACHED_MAX; i++) {
            double sigma = 1 + i / 1024.0;
            assertThat(LogNormalQuantiles.of(sigma).sample(fixed(1L << 62)))
                    .isEqualTo(new LogNormalQuantiles(sigma).sample(fixed(1L << 62)));
        }
        assertThat(LogNormalQuantiles.tablesCached()).isLessThanOrEqualTo(LogNormalQuantiles.TABLES_CACHED_MAX);
    }
}
