package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalQuantileTest {

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.0",
        "0.3, -0.5244005127080407",
        "0.025, -1.9599639845400538",
        "0.001, -3.090232306167813",
        "1e-10, -6.361340902404056",
        "2.7755575615628914e-17, -8.374388923067455"
    })
    void invertsTheNormalDistributionFunction(double p, double z) {
        // Central and tail probabilities map to the textbook quantiles, to 1e-9 relative.
        assertThat(NormalQuantile.lowerHalf(p)).isCloseTo(z, within(1e-9 * Math.max(1, Math.abs(z))));
    }

    @Test
    void samplesAreStandardNormalAndSymmetric() {
        // A million samples: mean 0, variance 1, 2.5% beyond each of -1.96 and +1.96.
        SplittableRandom random = new SplittableRandom(3);
        int count = 1_000_000;
        double sum = 0;
        double sumOfSquares = 0;
        int below = 0;
        int above = 0;
        for (int i = 0; i < count; i++) {
            double z = NormalQuantile.sample(random);
            sum += z;
            sumOfSquares += z * z;
            below += z < -1.959964 ? 1 : 0;
            above += z > 1.959964 ? 1 : 0;
        }
        assertThat(sum / count).isCloseTo(0, within(0.005));
        assertThat(sumOfSquares / count).isCloseTo(1, within(0.01));
        assertThat(below / (double) count).isCloseTo(0.025, within(0.001));
        assertThat(above / (double) count).isCloseTo(0.025, within(0.001));
    }

    @Test
    void aSampleIsAFunctionOfOneDraw() {
        // Two generators with the same seed give the same samples, one draw per sample.
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        for (int i = 0; i < 1_000; i++) {
            assertThat(NormalQuantile.sample(a)).isEqualTo(NormalQuantile.sample(b));
        }
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
}
