package sdlab.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>A table depends on sigma alone and is never changed, so runs share one: {@link #of} keeps the tables of a few
 * sigmas. Building one costs 4,096 exponentials and normal quantiles, and an experiment builds a network, with its
 * latency, for every variant of every seed; rebuilding them was a thirtieth of chapter 10's sweep.
 */
final class LogNormalQuantiles {

    static final int CELLS = 4096;

    /** Sigmas whose tables are kept; tables of further sigmas are built afresh every time, never kept unbounded. */
    static final int TABLES_CACHED_MAX = 16;

    private static final Map<Double, LogNormalQuantiles> TABLES = new ConcurrentHashMap<>();

    private static final int CELL_BITS = 12;
    private static final long IN_CELL_BITS = (1L << (64 - CELL_BITS)) - 1;

    private final double sigma;
    /** {@code multipliers[i]} = exp(sigma * z(i / CELLS)), for 0 < i < CELLS. */
    private final double[] multipliers = new double[CELLS + 1];

    /** The table for {@code sigma}, shared with every other run that asks for the same sigma. */
    static LogNormalQuantiles of(double sigma) {
        LogNormalQuantiles cached = TABLES.get(sigma);
        if (cached != null) {
            return cached;
        }
        LogNormalQuantiles built = new LogNormalQuantiles(sigma);
        if (TABLES.size() < TABLES_CACHED_MAX) {
            TABLES.putIfAbsent(sigma, built);
        }
        return built;
    }

    /** How many tables are kept, for tests of the bound. */
    static int tablesCached() {
        return TABLES.size();
    }

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
