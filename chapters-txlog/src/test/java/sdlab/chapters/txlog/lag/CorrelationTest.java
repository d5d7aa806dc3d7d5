package sdlab.chapters.txlog.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The correlation that decides which metric tracks latency. */
class CorrelationTest {

    @Test
    void aSeriesMovingWithAnotherCorrelatesOneAndAgainstItMinusOne() {
        double[] latency = {10, 10, 200, 400, 10};
        assertThat(Correlation.pearson(new double[] {1, 1, 20, 40, 1}, latency)).isCloseTo(1, within(1e-9));
        assertThat(Correlation.pearson(new double[] {-1, -1, -20, -40, -1}, latency))
                .isCloseTo(-1, within(1e-9));
    }

    @Test
    void aFlatMetricTracksNothing() {
        // Shows: an empty dead-letter topic (all zeros) counts as correlation 0, not as an undefined value.
        assertThat(Correlation.pearson(new double[] {0, 0, 0}, new double[] {1, 5, 2}))
                .isZero();
    }

    @Test
    void aGrowingTotalBarelyCorrelatesWithASpikeInTheMiddle() {
        // Shows: why lag counted from the log's start (it only grows) fails to track a spike.
        double[] spike = {10, 10, 10, 500, 10, 10, 10};
        double[] growing = {1, 2, 3, 4, 5, 6, 7};
        assertThat(Math.abs(Correlation.pearson(growing, spike))).isLessThan(0.1);
    }
}
