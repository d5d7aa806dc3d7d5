package sdlab.chapters.shard;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Zipfian user ids, scrambled: rank r is drawn with weight {@code 1/(r+1)^skew} by inverting a precomputed cumulative
 * distribution, then mapped to an id by a fixed permutation of {@code [0, n)}, so that popular users are spread over
 * the id space instead of being the first ids (YCSB's "scrambled zipfian"). Without the scramble every hot key would
 * sit in the first range and the comparison would be about where ids start, not about skew. Reproducible: StrictMath
 * and the generator it is given.
 */
final class ScrambledZipfian {
    /** A prime: multiplying by it permutes the ids whenever n is not a multiple of it. */
    private static final long STRIDE = 1_000_003L;

    private final int n;
    private final double[] cumulative;

    ScrambledZipfian(int n, double skew) {
        if (n < 1 || n % STRIDE == 0) {
            throw new IllegalArgumentException("a scrambled zipfian needs n >= 1, not a multiple of " + STRIDE);
        }
        this.n = n;
        this.cumulative = new double[n];
        double total = 0;
        for (int rank = 0; rank < n; rank++) {
            total += 1.0 / StrictMath.pow(rank + 1, skew);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < n; rank++) {
            cumulative[rank] /= total;
        }
        cumulative[n - 1] = 1.0;
    }

    /** The next id. */
    long next(RandomGenerator random) {
        return idOfRank(rank(random.nextDouble()));
    }

    /** The id that rank {@code rank} maps to: rank 0 is the most popular user. */
    long idOfRank(int rank) {
        return Math.floorMod(rank * STRIDE + 7, n);
    }

    private int rank(double u) {
        int found = Arrays.binarySearch(cumulative, u);
        // Not found gives -(insertion point) - 1: the first rank whose cumulative share exceeds u.
        return Math.min(found >= 0 ? found + 1 : -found - 1, n - 1);
    }
}
