package sdlab.cache.store;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Sorted-set scores as text, the way Redis 7.0 writes them with C's {@code %.17g}: no
 * trailing zeros, an exponent ({@code 1e+20}) only for very large or small magnitudes, and
 * {@code inf} / {@code -inf} for the infinities.
 *
 * <p>Two precisions: {@link #reply} prints 17 significant digits, exactly what redis-server
 * 7.0 answers (0.1 reads {@code 0.10000000000000001}); {@link #shortest} prints the fewest
 * digits that parse back to the same double (0.1 reads {@code 0.1}), for the append-only file,
 * where any text that round-trips will do and short text keeps the file small.
 */
public final class ScoreText {
    /** C's %g switches to an exponent at this many digits before the point. */
    private static final int PRECISION = 17;

    private static final MathContext SEVENTEEN_DIGITS = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    private ScoreText() {}

    /** {@code %.17g}: what Redis 7.0 replies for a score. */
    public static String reply(double score) {
        if (Double.isInfinite(score) || score == 0) {
            return special(score);
        }
        return format(new BigDecimal(score).round(SEVENTEEN_DIGITS));
    }

    /** The shortest text that parses back to exactly {@code score}. */
    public static String shortest(double score) {
        if (Double.isInfinite(score) || score == 0) {
            return special(score);
        }
        return format(new BigDecimal(Double.toString(score)));
    }

    public static byte[] shortestBytes(double score) {
        return shortest(score).getBytes(StandardCharsets.US_ASCII);
    }

    private static String special(double score) {
        if (Double.isInfinite(score)) {
            return score > 0 ? "inf" : "-inf";
        }
        return 1 / score < 0 ? "-0" : "0";
    }

    /** C's %g layout for a nonzero decimal: fixed if its exponent is in [-4, 17), else d.ddde+XX. */
    private static String format(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        int exponent = stripped.precision() - stripped.scale() - 1;
        if (exponent >= -4 && exponent < PRECISION) {
            return stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder();
        if (stripped.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }
}
