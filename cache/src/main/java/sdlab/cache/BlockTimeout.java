package sdlab.cache;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The timeout argument of the blocking commands, read as Redis 7.0 reads it
 * ({@code getTimeoutFromObjectOrReply}): seconds as a C {@code long double}, times a thousand,
 * rounded up to whole milliseconds. So {@code 0.0001} waits one millisecond, while
 * {@code -0.0001} rounds up to zero, which means forever. A value too large for a 64-bit count
 * of milliseconds (and an infinity) converts, as on x86-64, to the most negative one, and is
 * refused as negative.
 */
final class BlockTimeout {
    /** The deadline of a wait without a timeout. */
    static final long FOREVER = 0;

    static final String NOT_A_FLOAT = "ERR timeout is not a float or out of range";
    static final String NEGATIVE = "ERR timeout is negative";

    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private BlockTimeout() {}

    /**
     * The epoch millisecond at which a wait that starts at {@code nowMillis} ends, or
     * {@link #FOREVER}.
     *
     * @throws CommandException if the argument is not a number or is negative
     */
    static long deadlineMillis(byte[] seconds, long nowMillis) {
        BigDecimal parsed;
        try {
            parsed = LongDouble.parse(seconds);
        } catch (LongDouble.Invalid e) {
            throw new CommandException(NOT_A_FLOAT);
        }
        BigDecimal millis = LongDouble.multiply(parsed, MILLIS_PER_SECOND);
        if (millis == null) {
            throw new CommandException(NEGATIVE);
        }
        BigDecimal whole = millis.setScale(0, RoundingMode.CEILING);
        if (whole.signum() < 0 || whole.compareTo(LONG_MAX) > 0 || whole.compareTo(LONG_MIN) < 0) {
            throw new CommandException(NEGATIVE);
        }
        long timeoutMillis = whole.longValueExact();
        if (timeoutMillis == 0) {
            return FOREVER;
        }
        // A deadline past the end of time is as good as none.
        return timeoutMillis > Long.MAX_VALUE - nowMillis ? Long.MAX_VALUE : nowMillis + timeoutMillis;
    }
}
