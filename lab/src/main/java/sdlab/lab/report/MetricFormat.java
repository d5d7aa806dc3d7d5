package sdlab.lab.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Metric values for people: whole numbers as they are, others to four significant digits, undefined as "-". */
public final class MetricFormat {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

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
}
