package sdlab.sim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * How a workload picks keys: {@code "k0"} to {@code "k{n-1}"}, uniformly or with a Zipfian
 * skew towards low ranks (key {@code k0} the hottest), the shape of real access patterns.
 */
public sealed interface KeyChooser {

    /** Each of {@code keyCount} keys equally likely. */
    static KeyChooser uniform(int keyCount) {
        return new Uniform(keyCount);
    }

    /**
     * Key of rank {@code i} (from 0) chosen with probability proportional to
     * {@code 1 / (i + 1)^exponent}; exponent 0 is uniform, about 1 is the classic web skew.
     */
    static KeyChooser zipfian(int keyCount, double exponent) {
        return new Zipfian(keyCount, exponent);
    }

    /** The next key, {@code "k" + index}. */
    default String next(RandomGenerator random) {
        return KeyNames.of(nextIndex(random));
    }

    /** The next key's rank, in {@code [0, keyCount)}. */
    int nextIndex(RandomGenerator random);

    /** How many distinct keys there are. */
    int keyCount();

    /** Every key equally likely. */
    record Uniform(int keyCount) implements KeyChooser {
        public Uniform {
            requireKeyCount(keyCount);
        }

        @Override
        public int nextIndex(RandomGenerator random) {
            return random.nextInt(keyCount);
        }
    }

    /**
     * Zipfian, sampled by inversion: a precomputed cumulative distribution and a binary
     * search, O(log n) per draw and exactly reproducible (StrictMath, no floating-point
     * shortcuts that could differ between machines).
     */
    final class Zipfian implements KeyChooser {
        private static final int KEY_COUNT_MAX = 10_000_000;

        private final int keyCount;
        private final double exponent;
        private final double[] cumulative;

        Zipfian(int keyCount, double exponent) {
            requireKeyCount(keyCount);
            if (keyCount > KEY_COUNT_MAX) {
                throw new IllegalArgumentException("a Zipfian chooser holds at most " + KEY_COUNT_MAX + " keys");
            }
            if (!(exponent >= 0 && exponent <= 10)) {
                throw new IllegalArgumentException("the Zipf exponent must be in [0, 10], got " + exponent);
            }
            this.keyCount = keyCount;
            this.exponent = exponent;
            this.cumulative = new double[keyCount];
            double total = 0;
            for (int rank = 0; rank < keyCount; rank++) {
                total += 1.0 / StrictMath.pow(rank + 1, exponent);
                cumulative[rank] = total;
            }
            for (int rank = 0; rank < keyCount; rank++) {
                cumulative[rank] /= total;
            }
            cumulative[keyCount - 1] = 1.0;
        }

        @Override
        public int nextIndex(RandomGenerator random) {
            double u = random.nextDouble();
            int found = Arrays.binarySearch(cumulative, u);
            // Not found gives -(insertion point) - 1: the first rank whose cumulative share exceeds u.
            int rank = found >= 0 ? found + 1 : -found - 1;
            return Math.min(rank, keyCount - 1);
        }

        @Override
        public int keyCount() {
            return keyCount;
        }

        public double exponent() {
            return exponent;
        }

        @Override
        public String toString() {
            return "Zipfian[keyCount=" + keyCount + ", exponent=" + exponent + "]";
        }
    }

    private static void requireKeyCount(int keyCount) {
        if (keyCount < 1) {
            throw new IllegalArgumentException("a key chooser needs at least one key, got " + keyCount);
        }
    }
}
