package sdlab.sim;

import java.util.random.RandomGenerator;

/**
 * The quantile function of a log-normal with median 1, {@code exp(sigma * z(p))}, tabulated at
 * {@value #CELLS} + 1 evenly spaced probabilities, for sampling by inversion without an
 * exponential per sample.
 *
 * <p>Every message's latency is one sample, and {@link StrictMath#exp} was a tenth of a
 * simulator's CPU time. A sample takes one draw: its top 12 bits pick a cell of probability
 * 1/{@value #CELLS}, the other bits a point inside it. Inside the body cells the quantile is
 * interpolated linearly between the two exact values at the cell's edges, so the sampled
 * distribution function equals the log-normal's at every edge and is a straight line in
 * between (a relative error far below what a latency model means). The first and last cell,
 * where the quantile runs off to 0 and infinity, are computed exactly. The table is built
 * with {@link NormalQuantile} and StrictMath and read with plain arithmetic, so samples are
 * bit-for-bit the same on every JVM.
 */
final class LogNormalQuantiles {

    static final int CELLS = 4096;

    private static final int CELL_BITS = 12;
    private static final long IN_CELL_BITS = (1L << (64 - CELL_BITS)) - 1;

    private final double sigma;
    /** {@code multipliers[i]} = exp(sigma * z(i / CELLS)), for 0 < i < CELLS. */
    private final double[] multipliers = new double[CELLS + 1];

    LogNormalQuantiles(double sigma) {
        this.sigma = sigma;
        for (int i = 1; i < CELLS; i++) {
            multipliers[i] = StrictMath.exp(sigma * z(i / (double) CELLS));
        }
    }

    /** One sample of the multiplier {@code exp(sigma * Z)}, Z standard normal, from one draw. */
    double sample(RandomGenerator random) {
        long bits = random.nextLong();
        int cell = (int) (bits >>> (64 - CELL_BITS));
        // The midpoint of one of 2^52 sub-cells: strictly inside (0, 1), so 0 and 1 are never inverted.
        double inCell = ((bits & IN_CELL_BITS) * 2 + 1) * 0x1.0p-53;
        if (cell == 0) {
            return StrictMath.exp(sigma * NormalQuantile.lowerHalf(inCell / CELLS));
        }
        if (cell == CELLS - 1) {
            return StrictMath.exp(-sigma * NormalQuantile.lowerHalf((1 - inCell) / CELLS));
        }
        double low = multipliers[cell];
        return low + (multipliers[cell + 1] - low) * inCell;
    }

    /** The standard normal quantile of {@code p} in (0, 1), by the symmetry of the two halves. */
    private static double z(double p) {
        return p <= 0.5 ? NormalQuantile.lowerHalf(p) : -NormalQuantile.lowerHalf(1 - p);
    }
}
