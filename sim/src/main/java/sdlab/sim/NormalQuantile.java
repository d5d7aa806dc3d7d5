package sdlab.sim;

import java.util.random.RandomGenerator;

/**
 * Standard normal samples by inverting the normal distribution function, one uniform draw each.
 *
 * <p>Box-Muller needs a logarithm, a square root and a cosine per pair of draws and used to be
 * the costliest part of sending a simulated message. Inversion maps one uniform probability
 * {@code p} to the {@code z} with {@code Phi(z) = p}, using P. J. Acklam's rational
 * approximation of the inverse (relative error below 1.2e-9, far finer than any latency
 * needs): for the central 95% of probabilities it is a ratio of two polynomials, and only the
 * outer 5% need {@link StrictMath#log} and {@link StrictMath#sqrt}. Being plain arithmetic and
 * StrictMath, every sample is bit-for-bit the same on every JVM and CPU, which replay needs.
 *
 * <p>The draw is split into a side (the top bit) and a probability strictly inside (0, 1/2)
 * (the low 53 bits), so neither 0 nor 1 is ever inverted and both tails are exactly symmetric.
 */
final class NormalQuantile {

    /** Below this probability the tail formula applies (Acklam's break-point). */
    private static final double TAIL_PROBABILITY = 0.02425;

    private static final double A1 = -3.969683028665376e+01;
    private static final double A2 = 2.209460984245205e+02;
    private static final double A3 = -2.759285104469687e+02;
    private static final double A4 = 1.383577518672690e+02;
    private static final double A5 = -3.066479806614716e+01;
    private static final double A6 = 2.506628277459239e+00;

    private static final double B1 = -5.447609879822406e+01;
    private static final double B2 = 1.615858368580409e+02;
    private static final double B3 = -1.556989798598866e+02;
    private static final double B4 = 6.680131188771972e+01;
    private static final double B5 = -1.328068155288572e+01;

    private static final double C1 = -7.784894002430293e-03;
    private static final double C2 = -3.223964580411365e-01;
    private static final double C3 = -2.400758277161838e+00;
    private static final double C4 = -2.549732539343734e+00;
    private static final double C5 = 4.374664141464968e+00;
    private static final double C6 = 2.938163982698783e+00;

    private static final double D1 = 7.784695709041462e-03;
    private static final double D2 = 3.224671290700398e-01;
    private static final double D3 = 2.445134137142996e+00;
    private static final double D4 = 3.754408661907416e+00;

    private static final long LOW_53_BITS = (1L << 53) - 1;

    private NormalQuantile() {}

    /** One standard normal sample from one draw of {@code random}. */
    static double sample(RandomGenerator random) {
        long bits = random.nextLong();
        // (2k + 1) / 2^55 for a 53-bit k: the midpoint of one of 2^53 equal cells of (0, 1/2).
        double p = ((bits & LOW_53_BITS) * 2 + 1) * 0x1.0p-55;
        double z = lowerHalf(p);
        return bits < 0 ? -z : z;
    }

    /** The z with Phi(z) = p, for p in (0, 1/2]; never positive. */
    static double lowerHalf(double p) {
        assert p > 0 && p <= 0.5 : "probability out of (0, 1/2]: " + p;
        if (p < TAIL_PROBABILITY) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6)
                * q
                / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    }
}
