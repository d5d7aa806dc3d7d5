package sdlab.lab.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Shares written as percentages for people: 1.0 is "100%", 0.99617 is "99.6%", 0.00038 is "0.04%". */
final class Percent {
    private Percent() {}

    static String format(double share) {
        if (share <= 0) {
            return "0%";
        }
        if (share >= 1) {
            return "100%";
        }
        BigDecimal percent = BigDecimal.valueOf(share * 100);
        // One decimal usually; more when one would round a share that is not 0 or 1 to "0.0%" or "100.0%".
        for (int decimals = 1; decimals < 6; decimals++) {
            BigDecimal rounded = percent.setScale(decimals, RoundingMode.HALF_EVEN);
            if (rounded.signum() > 0 && rounded.compareTo(BigDecimal.valueOf(100)) < 0) {
                return rounded.stripTrailingZeros().toPlainString() + "%";
            }
        }
        return percent.round(new MathContext(3)).toPlainString() + "%";
    }
}
