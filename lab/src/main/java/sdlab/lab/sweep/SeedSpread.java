package sdlab.lab.sweep;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The second moments over seeds of one metric's per-seed terms, which with the first moments a {@link VariantTally}
 * already keeps give the standard error of the figure a report shows ({@link StandardError}). Kept exact, as the
 * tally's other sums are, so that a merged report equals the one-run report to the last digit.
 *
 * @param squares the sum over seeds of the per-seed term squared (for a ratio, of the per-seed numerator)
 * @param denominatorSquares a ratio's sum over seeds of the per-seed denominator squared; zero otherwise
 * @param crossProducts a ratio's sum over seeds of numerator times denominator; zero otherwise
 */
record SeedSpread(ExactSum squares, ExactSum denominatorSquares, ExactSum crossProducts) {
    static final SeedSpread ZERO = new SeedSpread(ExactSum.ZERO, ExactSum.ZERO, ExactSum.ZERO);

    SeedSpread {
        Objects.requireNonNull(squares, "squares");
        Objects.requireNonNull(denominatorSquares, "denominatorSquares");
        Objects.requireNonNull(crossProducts, "crossProducts");
    }

    /** This spread with one more seed whose term is {@code term}. */
    SeedSpread withTerm(double term) {
        return new SeedSpread(squares.plus(product(term, term)), denominatorSquares, crossProducts);
    }

    /** This spread with one more seed of a ratio, {@code numerator} over {@code denominator}. */
    SeedSpread withFraction(long numerator, long denominator) {
        return new SeedSpread(
                squares.plus(product(numerator, numerator)),
                denominatorSquares.plus(product(denominator, denominator)),
                crossProducts.plus(product(numerator, denominator)));
    }

    SeedSpread plus(SeedSpread other) {
        return new SeedSpread(
                squares.plus(other.squares),
                denominatorSquares.plus(other.denominatorSquares),
                crossProducts.plus(other.crossProducts));
    }

    /** The exact product as a sum of one term; a non-finite factor gives the product's double. */
    private static ExactSum product(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return ExactSum.ZERO.plus(a * b);
        }
        return new ExactSum(new BigDecimal(a).multiply(new BigDecimal(b)), 0);
    }
}
