package sdlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencySamplesTest {

    /** Latencies from 1 ns to about 2 s, spread over many magnitudes, as runs with timeouts and tails have. */
    private static long[] latencies(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = (long) Math.pow(2, random.nextDouble(0, 31));
        }
        return nanos;
    }

    private static String counts(Histogram histogram) {
        StringBuilder text = new StringBuilder();
        for (HistogramIterationValue bucket : histogram.recordedValues()) {
            text.append(bucket.getValueIteratedTo())
                    .append('x')
                    .append(bucket.getCountAtValueIteratedTo())
                    .append(' ');
        }
        return text.toString();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void recordingSamplesIntoATallyEqualsAddingTheSeedsHistogram(long seed) {
        // What a sweep's tally did per seed (add the seed's histogram) and what it does now (record its samples)
        // leave the same counts, minimum, maximum and percentiles, for seeds of up to 500 latencies.
        Histogram added = new Histogram(3);
        Histogram recorded = new Histogram(3);
        for (int run = 0; run < 20; run++) {
            long[] nanos = latencies(seed * 100 + run, 1 + run * 25);
            Histogram perRun = new Histogram(3);
            LatencySamples samples = new LatencySamples();
            for (long latency : nanos) {
                perRun.recordValue(latency);
                samples.add(latency);
            }
            added.add(perRun);
            samples.recordInto(recorded);
        }

        assertThat(counts(recorded)).isEqualTo(counts(added));
        assertThat(recorded.getTotalCount()).isEqualTo(added.getTotalCount());
        assertThat(recorded.getMaxValue()).isEqualTo(added.getMaxValue());
        assertThat(recorded.getMinNonZeroValue()).isEqualTo(added.getMinNonZeroValue());
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            assertThat(recorded.getValueAtPercentile(percentile)).isEqualTo(added.getValueAtPercentile(percentile));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7})
    void theHistogramOfTheSamplesIsTheOneRecordingThemDirectlyGives(long seed) {
        // SeedRun.histogram(name) is built from the samples; it reads as the run's own histogram used to.
        Histogram direct = new Histogram(3);
        LatencySamples samples = new LatencySamples();
        for (long latency : latencies(seed, 300)) {
            direct.recordValue(latency);
            samples.add(latency);
        }

        Histogram built = samples.toHistogram();

        assertThat(counts(built)).isEqualTo(counts(direct));
        assertThat(built.getMaxValue()).isEqualTo(direct.getMaxValue());
        assertThat(built.getValueAtPercentile(99)).isEqualTo(direct.getValueAtPercentile(99));
        assertThat(samples.size()).isEqualTo(300);
    }
}
