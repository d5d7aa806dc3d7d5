package sdlab.lab.sweep;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A sum of doubles kept exactly, so that it does not depend on the order of its terms. A sweep adds each seed's value
 * in seed order, and a merge adds the sums of shards; a rounded double sum would differ between the two in the last
 * bits, and a merged report must equal the one-run report exactly. Every finite double is a finite decimal, so the
 * sum is a {@link BigDecimal}; it is rounded once, when read. A non-finite term (NaN, an infinity) makes the sum that
 * double, as ordinary addition would, whatever the order.
 *
 * @param finite the exact sum of the finite terms
 * @param nonFinite 0 while every term was finite, else the double sum of the non-finite terms (NaN or an infinity)
 */
record ExactSum(BigDecimal finite, double nonFinite) {
    static final ExactSum ZERO = new ExactSum(BigDecimal.ZERO, 0);

    ExactSum {
        Objects.requireNonNull(finite, "finite");
        assert nonFinite == 0 || !Double.isFinite(nonFinite) : "finite terms go into the exact part";
    }

    ExactSum plus(double term) {
        return Double.isFinite(term)
                ? new ExactSum(finite.add(new BigDecimal(term)), nonFinite)
                : new ExactSum(finite, nonFinite + term);
    }

    ExactSum plus(ExactSum other) {
        return new ExactSum(finite.add(other.finite), nonFinite + other.nonFinite);
    }

    /** The sum rounded to the nearest double. */
    double value() {
        return nonFinite != 0 ? nonFinite : finite.doubleValue(); // NaN != 0 too
    }

    /** The exact decimal, or "NaN", "Infinity" or "-Infinity": what {@link #parse} reads back. */
    String text() {
        return nonFinite == 0 ? finite.toString() : Double.toString(nonFinite);
    }

    /** Reads {@link #text()}; throws {@link NumberFormatException} for anything else. */
    static ExactSum parse(String text) {
        return switch (text) {
            case "NaN", "Infinity", "-Infinity" -> new ExactSum(BigDecimal.ZERO, Double.parseDouble(text));
            default -> new ExactSum(new BigDecimal(text), 0);
        };
    }
}
