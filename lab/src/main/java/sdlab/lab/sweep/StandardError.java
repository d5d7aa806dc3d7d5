package sdlab.lab.sweep;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The standard error of a report's figure from the spread of its per-seed terms: how far the figure would move if the
 * sweep were run again on as many other seeds. Seeds are independent runs, so the usual estimators apply; each is
 * {@code NaN} when fewer than two seeds ran. A 95% confidence interval is the figure plus or minus 1.96 of them.
 *
 * <p>For a difference between two variants (run on the same seeds), the square root of the sum of their squared
 * errors is conservative: it ignores that the same seed tends to push both variants the same way.
 */
final class StandardError {
    private static final MathContext PRECISION = MathContext.DECIMAL128;

    private StandardError() {}

    /** A total over {@code seeds} seeds: {@code seeds} times the mean, so its error is {@code sqrt(seeds)} times s. */
    static double ofTotal(long total, ExactSum squares, int seeds) {
        double variance = variance(BigDecimal.valueOf(total), squares, seeds);
        return Math.sqrt(seeds * variance);
    }

    /** A mean per seed: s over {@code sqrt(seeds)}. */
    static double ofMean(ExactSum sum, ExactSum squares, int seeds) {
        if (!Double.isFinite(sum.value()) || !Double.isFinite(squares.value())) {
            return Double.NaN;
        }
        return Math.sqrt(variance(sum.finite(), squares, seeds) / seeds);
    }

    /** A count of seeds where something happened: the binomial error of {@code seedsWith} out of {@code seeds}. */
    static double ofSeedCount(long seedsWith, int seeds) {
        if (seeds < 2) {
            return Double.NaN;
        }
        double share = (double) seedsWith / seeds;
        return Math.sqrt(seeds * share * (1 - share));
    }

    /**
     * A ratio of sums R = N / D by the delta method: the per-seed residuals {@code n - R d} have variance s², and R's
     * error is {@code sqrt(seeds s²) / D}.
     */
    static double ofRatio(long numerator, long denominator, SeedSpread spread, int seeds) {
        if (seeds < 2 || denominator == 0) {
            return Double.NaN;
        }
        BigDecimal ratio = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), PRECISION);
        BigDecimal residualSquares = spread.squares()
                .finite()
                .subtract(ratio.multiply(spread.crossProducts().finite()).multiply(BigDecimal.TWO))
                .add(ratio.multiply(ratio).multiply(spread.denominatorSquares().finite()));
        double variance = Math.max(0, residualSquares.doubleValue() / (seeds - 1));
        return Math.sqrt(seeds * variance) / denominator;
    }

    /** The sample variance of the per-seed terms from their sum and sum of squares; 0 at worst, never negative. */
    private static double variance(BigDecimal sum, ExactSum squares, int seeds) {
        if (seeds < 2) {
            return Double.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(seeds);
        BigDecimal deviations = squares.finite().subtract(sum.multiply(sum).divide(n, PRECISION));
        return Math.max(0, deviations.doubleValue() / (seeds - 1));
    }
}
