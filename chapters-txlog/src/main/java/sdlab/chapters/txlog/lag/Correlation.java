package sdlab.chapters.txlog.lag;

/** Pearson's correlation of two series of equal length: how closely one moves with the other, from -1 to 1. */
final class Correlation {
    private Correlation() {}

    /** 0 when either series is flat: a metric that never moves tracks nothing. */
    static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of different lengths: " + x.length + " and " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0 || syy == 0) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
