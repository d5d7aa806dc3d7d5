package sdlab.lab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Metric values for people: whole numbers as they are, others to four significant digits, undefined as "-". */
public final class MetricFormat {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);
    private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.UP);

    private MetricFormat() {}

    public static String format(Number value) {
        return switch (value) {
            case Long l -> l.toString();
            case Integer i -> i.toString();
            default -> decimal(value.doubleValue());
        };
    }

    private static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (Math.abs(value) >= 1000) {
            return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        }
        return BigDecimal.valueOf(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /**
     * An interval's half-width for people: two significant digits, rounded up so the printed interval is never
     * narrower than the computed one; at 1000 and above, a whole number.
     */
    public static String uncertainty(double halfWidth) {
        if (Math.abs(halfWidth) >= 1000) {
            return BigDecimal.valueOf(halfWidth).setScale(0, RoundingMode.UP).toPlainString();
        }
        return BigDecimal.valueOf(halfWidth)
                .round(TWO_DIGITS)
                .stripTrailingZeros()
                .toPlainString();
    }
}
