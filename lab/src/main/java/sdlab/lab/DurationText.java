package sdlab.lab;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 250ms}, {@code 1.5s}, {@code 2m}. What {@link Param#duration} parameters
 * read and write, and what reports use for duration-valued settings.
 */
public final class DurationText {
    private static final Pattern SHAPE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");

    private record Unit(String symbol, long nanos) {}

    /** Largest first, so that {@link #format} picks the largest unit that divides the value exactly. */
    private static final List<Unit> UNITS = List.of(
            new Unit("h", 3_600_000_000_000L),
            new Unit("m", 60_000_000_000L),
            new Unit("s", 1_000_000_000L),
            new Unit("ms", 1_000_000L),
            new Unit("us", 1_000L),
            new Unit("ns", 1L));

    private DurationText() {}

    /** A whole number of nanoseconds written as a number and a unit (ns, us, ms, s, m, h); empty if malformed. */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = SHAPE.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<Unit> unit =
                UNITS.stream().filter(u -> u.symbol().equals(matcher.group(2))).findFirst();
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal nanos = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(unit.get().nanos()));
        if (nanos.stripTrailingZeros().scale() > 0 || nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty(); // finer than a nanosecond, or beyond what a Duration in nanos holds
        }
        return Optional.of(Duration.ofNanos(nanos.longValueExact()));
    }

    /**
     * The duration an option was given, for a command line.
     *
     * @throws IllegalArgumentException naming the option and what it got, if the text is not a duration
     */
    public static Duration parseOption(String option, String text) {
        return parse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        option + " needs a duration such as 30s, 500ms or 2m, got '" + text + "'"));
    }

    /** The largest unit that divides the duration exactly: {@code 1500ms}, {@code 2s}, {@code 0ms}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0ms";
        }
        for (Unit unit : UNITS) {
            if (nanos % unit.nanos() == 0) {
                return nanos / unit.nanos() + unit.symbol();
            }
        }
        throw new AssertionError("every duration is a whole number of nanoseconds");
    }
}
