package sdlab.lab.sweep;

import java.math.BigDecimal;

/**
 * A running sum of products {@code a * b}, kept exactly like an {@link ExactSum}, so that it does not depend on the
 * order or grouping of its terms. Most factors are a seed's counts: products of two such whole numbers add up in a
 * {@code long} and reach the decimal only when the long would overflow, which keeps a sweep's many cross products cheap.
 */
final class ProductSum {
    private long wholeProducts; // products of two factors that are whole numbers within an int
    private BigDecimal otherProducts = BigDecimal.ZERO;
    private double nonFinite; // as in ExactSum: 0 while every product was finite

    void add(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            nonFinite += a * b;
        } else if (a == (int) a && b == (int) b) {
            long product = (long) a * (long) b; // at most 2^62 in magnitude: no overflow
            long sum = wholeProducts + product;
            if (((wholeProducts ^ sum) & (product ^ sum)) < 0) { // overflowed: move what we had to the decimal
                otherProducts = otherProducts.add(BigDecimal.valueOf(wholeProducts));
                wholeProducts = product;
            } else {
                wholeProducts = sum;
            }
        } else {
            otherProducts = otherProducts.add(new BigDecimal(a).multiply(new BigDecimal(b)));
        }
    }

    /** Adds what {@code other} summed. */
    void add(ExactSum other) {
        otherProducts = otherProducts.add(other.finite());
        nonFinite += other.nonFinite();
    }

    ExactSum sum() {
        return new ExactSum(otherProducts.add(BigDecimal.valueOf(wholeProducts)), nonFinite);
    }
}
