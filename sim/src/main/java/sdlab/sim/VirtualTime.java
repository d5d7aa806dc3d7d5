package sdlab.sim;

import java.util.Locale;

/** Renders virtual times for traces and reports, the same way on every machine. */
final class VirtualTime {

    private VirtualTime() {}

    /** Milliseconds with three decimals, right-aligned to 11 characters: {@code "   12.345ms"}. */
    static String format(long nanos) {
        long micros = Math.floorDiv(nanos, 1_000L);
        String sign = micros < 0 ? "-" : "";
        long abs = Math.abs(micros);
        String text = sign + (abs / 1000) + "." + String.format(Locale.ROOT, "%03d", abs % 1000) + "ms";
        return text.length() >= 11 ? text : " ".repeat(11 - text.length()) + text;
    }
}
