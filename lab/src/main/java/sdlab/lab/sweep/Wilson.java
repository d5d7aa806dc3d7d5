package sdlab.lab.sweep;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal approximation it stays inside
 * [0, 1] and does not collapse to a point when every trial succeeded: 1000 successes out of 1000 give [99.6%, 100%],
 * which is the honest statement "it held on every seed, and a failure rate above 0.4% would probably have shown".
 *
 * @param low the lower end
 * @param high the upper end
 */
record Wilson(double low, double high) {
    /** The two-sided 95% normal quantile. */
    static final double Z_95 = 1.959963984540054;

    static Wilson interval95(int successes, int trials) {
        assert trials > 0 && successes >= 0 && successes <= trials;
        double n = trials;
        double share = successes / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (share + z2 / (2 * n)) / denominator;
        double halfWidth = Z_95 / denominator * Math.sqrt(share * (1 - share) / n + z2 / (4 * n * n));
        // At the edges the formula is exact but floating point may stray by an ulp; the share itself is in the
        // interval.
        double low = successes == 0 ? 0 : Math.min(share, Math.max(0, centre - halfWidth));
        double high = successes == trials ? 1 : Math.max(share, Math.min(1, centre + halfWidth));
        return new Wilson(low, high);
    }

    /** "95% CI 99.6%-100%". */
    String text() {
        return "95% CI " + Percent.format(low) + "-" + Percent.format(high);
    }
}
