package sdlab.cache.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimate's error against Redis's documented standard error, 1.04 / sqrt(16384) = 0.81%:
 * over ten seeds per cardinality, the root-mean-square relative error stays within 1.5 standard
 * errors and no single estimate is off by more than four. An estimator with a wrong constant or
 * a broken correction misses these bounds by far.
 */
class HyperLogLogAccuracyTest {
    private static final double STANDARD_ERROR = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
    private static final int SEEDS = 10;

    @ParameterizedTest(name = "{0} distinct elements")
    @ValueSource(ints = {100, 1_000, 10_000, 100_000, 500_000})
    void estimatesStayWithinTheStandardErrorBound(int cardinality) {
        double squaredErrors = 0;
        double worst = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            HyperLogLog hll = HyperLogLog.empty();
            for (int i = 0; i < cardinality; i++) {
                hll.add(("seed" + seed + ":" + i).getBytes(StandardCharsets.US_ASCII), 3000);
            }
            double error = (hll.estimate().orElseThrow() - cardinality) / (double) cardinality;
            squaredErrors += error * error;
            worst = Math.max(worst, Math.abs(error));
        }
        double rms = Math.sqrt(squaredErrors / SEEDS);
        assertThat(rms).as("RMS relative error at %d", cardinality).isLessThanOrEqualTo(1.5 * STANDARD_ERROR);
        assertThat(worst).as("worst relative error at %d", cardinality).isLessThanOrEqualTo(4 * STANDARD_ERROR);
    }
}
