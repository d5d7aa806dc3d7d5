package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static sdlab.sim.Scenarios.ms;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyTest {

    private static long[] samples(Latency latency, int count) {
        SplittableRandom random = new SplittableRandom(9);
        long[] samples = new long[count];
        for (int i = 0; i < count; i++) {
            samples[i] = latency.sampleNanos(random);
        }
        Arrays.sort(samples);
        return samples;
    }

    @Test
    void constantIsConstant() {
        // Every sample is the configured delay.
        assertThat(samples(Latency.constant(ms(3)), 100)).containsOnly(3_000_000L);
    }

    @Test
    void uniformStaysInRangeAndCentres() {
        // Uniform 1..5 ms: every sample in range, mean near 3 ms.
        long[] samples = samples(Latency.uniform(ms(1), ms(5)), 100_000);
        assertThat(samples[0]).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(samples[samples.length - 1]).isLessThanOrEqualTo(5_000_000L);
        assertThat(Arrays.stream(samples).average().orElseThrow()).isCloseTo(3e6, within(3e4));
    }

    @Test
    void exponentialHasItsMean() {
        // Exponential with a 2 ms mean: mean near 2 ms, median near 2 ms * ln 2.
        long[] samples = samples(Latency.exponential(ms(2)), 100_000);
        assertThat(Arrays.stream(samples).average().orElseThrow()).isCloseTo(2e6, within(4e4));
        assertThat((double) samples[samples.length / 2]).isCloseTo(2e6 * Math.log(2), within(4e4));
    }

    @Test
    void logNormalHasItsMedianAndALongTail() {
        // Log-normal, median 1 ms, sigma 0.5: median near 1 ms and p99 near exp(0.5 * 2.326) ms.
        long[] samples = samples(Latency.logNormal(ms(1), 0.5), 100_000);
        assertThat((double) samples[samples.length / 2]).isCloseTo(1e6, within(2e4));
        assertThat((double) samples[samples.length * 99 / 100]).isCloseTo(1e6 * Math.exp(0.5 * 2.326), within(1e5));
    }
}
