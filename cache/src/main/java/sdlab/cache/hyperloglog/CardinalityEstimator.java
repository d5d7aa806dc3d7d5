package sdlab.cache.hyperloglog;

/**
 * Otmar Ertl's improved raw estimator ("New cardinality estimation algorithms for HyperLogLog
 * sketches", arXiv:1702.01284, section 4), the one Redis uses since 5.0: it works from the
 * histogram of register values and needs neither the small-range linear counting nor the bias
 * tables of earlier HyperLogLog variants. Registers at zero enter through {@code sigma}, the
 * (practically never seen) saturated registers through {@code tau}.
 */
final class CardinalityEstimator {
    /** 1 / (2 ln 2): the limit of HyperLogLog's bias constant alpha for many registers. */
    private static final double ALPHA_INF = 0.721347520444481703680;

    private CardinalityEstimator() {}

    /**
     * The estimate for a histogram {@code counts[v]} = how many registers hold {@code v}, rounded
     * to the nearest integer (halves away from zero, as C's {@code llroundl}).
     */
    static long estimate(int[] counts) {
        double m = HyperLogLog.REGISTERS;
        int q = HyperLogLog.PATTERN_BITS;
        double z = m * tau((m - counts[q + 1]) / m);
        for (int value = q; value >= 1; value--) {
            z += counts[value];
            z *= 0.5;
        }
        z += m * sigma(counts[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    /** sigma(x) = x + sum over k >= 1 of x^(2^k) * 2^(k-1), summed until it stops changing. */
    static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double y = 1;
        double z = x;
        double previous;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }

    /** tau(x) = (1 - x - sum over k >= 1 of (1 - x^(2^-k))^2 * 2^-k) / 3, summed until it stops changing. */
    static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double y = 1.0;
        double z = 1 - x;
        double previous;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            double gap = 1 - x;
            z -= gap * gap * y;
        } while (previous != z);
        return z / 3;
    }
}
