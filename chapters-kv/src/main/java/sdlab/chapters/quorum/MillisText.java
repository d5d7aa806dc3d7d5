package sdlab.chapters.quorum;

import java.util.Locale;

/**
 * Virtual times in findings, as "12.346 ms": what {@code String.format(Locale.ROOT, "%.3f ms", nanos / 1e6)} writes,
 * without the formatter. A sweep writes a finding for every stale read it meets, thousands per sweep, and the
 * formatter's parsing and rounding were most of that cost (and more code for the JIT to compile in a cold run).
 *
 * <p>The formatter rounds the decimal digits of {@code nanos / 1e6} half up to three places. For the times a run can
 * reach, that double's digits are exactly those of nanos over a million, so the rounding is whole microseconds,
 * rounded half up, in integer arithmetic. Times outside that range go to the formatter itself.
 */
final class MillisText {
    /**
     * Below 10^15 nanoseconds (11.5 days) the double nearest to nanos / 1e6 is within 1.2e-7 of it, far closer than the
     * 1e-6 between such quotients, so whatever digits the formatter takes from the double round as the quotient's do.
     */
    private static final long EXACT_NANOS_MAX = 1_000_000_000_000_000L;

    private MillisText() {}

    static String of(long nanos) {
        if (nanos < 0 || nanos >= EXACT_NANOS_MAX) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
        long micros = (nanos + 500) / 1000;
        long thousandths = micros % 1000;
        String padding = thousandths < 10 ? "00" : thousandths < 100 ? "0" : "";
        return (micros / 1000) + "." + padding + thousandths + " ms";
    }
}
