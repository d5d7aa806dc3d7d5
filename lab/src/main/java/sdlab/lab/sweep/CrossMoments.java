package sdlab.lab.sweep;

/**
 * The sums over seeds of products between two variants' per-seed terms of one metric ({@link SeedTerm}): with each
 * variant's own {@link SeedMoments}, the standard error of the difference between the two, paired seed by seed.
 *
 * @param numerators the first variant's term (numerator) times the second's, summed
 * @param firstNumeratorSecondDenominator for a ratio, the first's numerator times the second's denominator; else zero
 * @param firstDenominatorSecondNumerator for a ratio, the first's denominator times the second's numerator; else zero
 * @param denominators for a ratio, the product of the denominators; else zero
 */
record CrossMoments(
        ExactSum numerators,
        ExactSum firstNumeratorSecondDenominator,
        ExactSum firstDenominatorSecondNumerator,
        ExactSum denominators) {}
