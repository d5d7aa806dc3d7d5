package sdlab.lab.sweep;

/**
 * One variant's sums over seeds of one metric's per-seed terms ({@link SeedTerm}), first and second moments: what a
 * standard error needs besides the seed count.
 *
 * @param numerators the sum of the terms (a ratio's numerators)
 * @param denominators the sum of a ratio's denominators; the seed count otherwise
 * @param spread the sums of squares and of numerator times denominator
 */
record SeedMoments(ExactSum numerators, long denominators, SeedSpread spread) {}
