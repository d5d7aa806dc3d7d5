package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyChooserTest {

    private static final int DRAWS = 200_000;

    private static int[] counts(KeyChooser chooser, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[chooser.keyCount()];
        for (int i = 0; i < DRAWS; i++) {
            counts[chooser.nextIndex(random)]++;
        }
        return counts;
    }

    @Test
    void zipfianSkewsTowardsLowRanksAsTheFormulaSays() {
        // With exponent 1 over 100 keys, key k0 gets 1/H(100) of the draws (about 19%), k1 half of that, and so on.
        int[] counts = counts(KeyChooser.zipfian(100, 1.0), 1);
        double harmonic =
                IntStream.rangeClosed(1, 100).mapToDouble(i -> 1.0 / i).sum();

        for (int rank = 0; rank < 5; rank++) {
            double expected = 1.0 / ((rank + 1) * harmonic);
            assertThat((double) counts[rank] / DRAWS).isCloseTo(expected, within(0.01));
        }
        int topTen = IntStream.range(0, 10).map(i -> counts[i]).sum();
        assertThat((double) topTen / DRAWS).isGreaterThan(0.5);
    }

    @Test
    void uniformDoesNotSkew() {
        // Uniform over 100 keys: every key near 1%, the ten lowest ranks near 10% together.
        int[] counts = counts(KeyChooser.uniform(100), 2);

        assertThat(IntStream.of(counts).min().orElseThrow()).isGreaterThan(DRAWS / 100 * 8 / 10);
        assertThat(IntStream.of(counts).max().orElseThrow()).isLessThan(DRAWS / 100 * 12 / 10);
        int topTen = IntStream.range(0, 10).map(i -> counts[i]).sum();
        assertThat((double) topTen / DRAWS).isCloseTo(0.1, within(0.01));
    }

    @Test
    void zipfianWithExponentZeroIsUniform() {
        // Exponent 0 makes every weight 1.
        int[] counts = counts(KeyChooser.zipfian(10, 0.0), 3);

        assertThat(IntStream.of(counts).allMatch(c -> Math.abs(c - DRAWS / 10) < DRAWS / 100))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void drawsAreReproducibleFromTheSeed(long seed) {
        // The same seed gives the same keys.
        KeyChooser chooser = KeyChooser.zipfian(1000, 1.2);
        SplittableRandom first = new SplittableRandom(seed);
        SplittableRandom second = new SplittableRandom(seed);

        for (int i = 0; i < 1000; i++) {
            assertThat(chooser.next(second)).isEqualTo(chooser.next(first));
        }
    }

    @Test
    void keysAreNamedByRank() {
        // Keys are "k0".."k{n-1}" and stay in range.
        KeyChooser chooser = KeyChooser.zipfian(3, 2.0);
        SplittableRandom random = new SplittableRandom(4);

        assertThat(IntStream.range(0, 1000).mapToObj(i -> chooser.next(random)))
                .allMatch(key -> key.equals("k0") || key.equals("k1") || key.equals("k2"));
    }

    @Test
    void badParametersAreRejectedWithAReason() {
        // No keys, or a negative exponent, is a mistake the message explains.
        assertThatThrownBy(() -> KeyChooser.uniform(0)).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> KeyChooser.zipfian(10, -1)).hasMessageContaining("exponent");
    }
}
