package sdlab.lab.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import sdlab.lab.Aggregation;

/**
 * The standard error of a report's figure from the spread of its per-seed terms: how far the figure would move if the
 * sweep were run again on as many other seeds. Seeds are independent runs, so the usual estimators apply; each is
 * {@code NaN} when fewer than two seeds ran. A 95% confidence interval is the figure plus or minus 1.96 of them.
 *
 * <p>A difference between two variants that ran on the same seeds is paired: its error comes from the spread of the
 * per-seed differences ({@link #ofDifference}), which is smaller than the two errors added in quadrature when the same
 * seed pushes both variants the same way.
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
        double variance = Math.max(0, residualSquares(spread, ratio).doubleValue() / (seeds - 1));
        return Math.sqrt(seeds * variance) / denominator;
    }

    /**
     * The difference of two variants' figures, paired seed by seed: the error of the figure of the per-seed
     * differences. For a total, a mean or a count of seeds, the per-seed term is the first variant's minus the
     * second's; for a ratio of sums, the delta method's residuals {@code (n - R d) / D} of each, subtracted.
     */
    static double ofDifference(
            Aggregation aggregation, SeedMoments first, SeedMoments second, CrossMoments cross, int seeds) {
        if (seeds < 2) {
            return Double.NaN;
        }
        ExactSum[] sums = {
            first.numerators(),
            second.numerators(),
            first.spread().squares(),
            second.spread().squares(),
            cross.numerators()
        };
        for (ExactSum sum : sums) {
            if (!Double.isFinite(sum.value())) {
                return Double.NaN;
            }
        }
        if (aggregation instanceof Aggregation.Ratio) {
            return ofRatioDifference(first, second, cross, seeds);
        }
        BigDecimal difference =
                first.numerators().finite().subtract(second.numerators().finite());
        BigDecimal differenceSquares = first.spread()
                .squares()
                .finite()
                .add(second.spread().squares().finite())
                .subtract(cross.numerators().finite().multiply(BigDecimal.TWO));
        double variance = variance(difference, new ExactSum(differenceSquares, 0), seeds);
        return aggregation instanceof Aggregation.MeanPerSeed
                ? Math.sqrt(variance / seeds)
                : Math.sqrt(seeds * variance);
    }

    private static double ofRatioDifference(SeedMoments first, SeedMoments second, CrossMoments cross, int seeds) {
        if (first.denominators() == 0 || second.denominators() == 0) {
            return Double.NaN;
        }
        BigDecimal firstTotal = BigDecimal.valueOf(first.denominators());
        BigDecimal secondTotal = BigDecimal.valueOf(second.denominators());
        BigDecimal firstRatio = first.numerators().finite().divide(firstTotal, PRECISION);
        BigDecimal secondRatio = second.numerators().finite().divide(secondTotal, PRECISION);
        BigDecimal firstResiduals = residualSquares(first.spread(), firstRatio);
        BigDecimal secondResiduals = residualSquares(second.spread(), secondRatio);
        // The sum over seeds of (n1 - R1 d1)(n2 - R2 d2).
        BigDecimal crossResiduals = cross.numerators()
                .finite()
                .subtract(secondRatio.multiply(
                        cross.firstNumeratorSecondDenominator().finite()))
                .subtract(firstRatio.multiply(
                        cross.firstDenominatorSecondNumerator().finite()))
                .add(firstRatio
                        .multiply(secondRatio)
                        .multiply(cross.denominators().finite()));
        BigDecimal squares = firstResiduals
                .divide(firstTotal.multiply(firstTotal), PRECISION)
                .add(secondResiduals.divide(secondTotal.multiply(secondTotal), PRECISION))
                .subtract(crossResiduals.multiply(BigDecimal.TWO).divide(firstTotal.multiply(secondTotal), PRECISION));
        double variance = Math.max(0, squares.doubleValue() / (seeds - 1));
        return Math.sqrt(seeds * variance);
    }

    /** The sum over seeds of a ratio's residual {@code n - R d}, squared. */
    private static BigDecimal residualSquares(SeedSpread spread, BigDecimal ratio) {
        return spread.squares()
                .finite()
                .subtract(ratio.multiply(spread.crossProducts().finite()).multiply(BigDecimal.TWO))
                .add(ratio.multiply(ratio).multiply(spread.denominatorSquares().finite()));
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
