package sdlab.lab;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A typed experiment parameter with a default, a range and a parser whose errors say what to do.
 *
 * <p>On the command line a parameter named {@code r} is the option {@code --r VALUE}. Values are parsed from text
 * ({@link #parse}) and written back as text ({@link #format}) so that a replay command reproduces them exactly. Enum
 * choices are written in lower case ({@code STRICT} is {@code strict}); durations as a number and a unit ({@code 250ms},
 * {@code 2s}, {@code 1m}).
 *
 * @param <T> Integer, Double, Boolean, an enum or Duration
 */
public final class Param<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");

    private final String name;
    private final String description;
    private final Class<T> type;
    private final T defaultValue;
    private final String rangeText;
    private final String expectation;
    private final Function<String, Optional<T>> parser;
    private final Function<T, String> formatter;

    private Param(
            String name,
            String description,
            Class<T> type,
            T defaultValue,
            String rangeText,
            String expectation,
            Function<String, Optional<T>> parser,
            Function<T, String> formatter) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter name '" + name + "' must match " + NAME.pattern());
        }
        this.name = name;
        this.description = Objects.requireNonNull(description, "description");
        this.type = type;
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.rangeText = rangeText;
        this.expectation = expectation;
        this.parser = parser;
        this.formatter = formatter;
        if (parser.apply(formatter.apply(defaultValue)).isEmpty()) {
            throw new IllegalArgumentException("the default of --" + name + " is outside its range " + rangeText);
        }
    }

    /** An integer from {@code min} to {@code max}, both included. */
    public static Param<Integer> integer(String name, String description, int defaultValue, int min, int max) {
        requireOrdered(min <= max, name);
        return new Param<>(
                name,
                description,
                Integer.class,
                defaultValue,
                min + ".." + max,
                "an integer from " + min + " to " + max,
                text -> parseInteger(text).filter(v -> v >= min && v <= max),
                String::valueOf);
    }

    /** A number from {@code min} to {@code max}, both included. */
    public static Param<Double> decimal(String name, String description, double defaultValue, double min, double max) {
        requireOrdered(min <= max, name);
        return new Param<>(
                name,
                description,
                Double.class,
                defaultValue,
                plain(min) + ".." + plain(max),
                "a number from " + plain(min) + " to " + plain(max),
                text -> parseDecimal(text).filter(v -> v >= min && v <= max),
                Param::plain);
    }

    /** {@code true} or {@code false}. */
    public static Param<Boolean> flag(String name, String description, boolean defaultValue) {
        return new Param<>(
                name,
                description,
                Boolean.class,
                defaultValue,
                "true|false",
                "true or false",
                text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> Optional.of(true);
                    case "false" -> Optional.of(false);
                    default -> Optional.empty();
                },
                String::valueOf);
    }

    /** One of an enum's constants, written in lower case; {@code -} and {@code _} are interchangeable. */
    public static <E extends Enum<E>> Param<E> choice(String name, String description, Class<E> type, E defaultValue) {
        String names =
                Arrays.stream(type.getEnumConstants()).map(Param::enumText).collect(Collectors.joining("|"));
        return new Param<>(
                name,
                description,
                type,
                defaultValue,
                names,
                "one of " + names,
                text -> Arrays.stream(type.getEnumConstants())
                        .filter(e ->
                                enumText(e).equals(text.toLowerCase(Locale.ROOT).replace('-', '_')))
                        .findFirst(),
                Param::enumText);
    }

    /** A duration from {@code min} to {@code max}, written like {@code 250ms}, {@code 2s} or {@code 1m}. */
    public static Param<Duration> duration(
            String name, String description, Duration defaultValue, Duration min, Duration max) {
        requireOrdered(min.compareTo(max) <= 0, name);
        String minText = DurationText.format(min);
        String maxText = DurationText.format(max);
        return new Param<>(
                name,
                description,
                Duration.class,
                defaultValue,
                minText + ".." + maxText,
                "a duration from " + minText + " to " + maxText + " (a number and a unit: ns, us, ms, s, m or h)",
                text -> DurationText.parse(text).filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0),
                DurationText::format);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The Java type of the values: Integer, Double, Boolean, the enum's class or Duration. */
    public Class<T> type() {
        return type;
    }

    /** True for {@link #flag} parameters, which the command line also accepts without a value. */
    public boolean isFlag() {
        return type == Boolean.class;
    }

    /** Parses and validates a value; throws {@link ParamException} with a message that says what is allowed. */
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        return parser.apply(text.strip())
                .orElseThrow(
                        () -> new ParamException("--" + name + " must be " + expectation + ", got '" + text + "'"));
    }

    /** The text that {@link #parse} turns back into {@code value}. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The allowed values in short: {@code 1..9}, {@code true|false}, {@code strict|sloppy}, {@code 10ms..5s}. */
    public String rangeText() {
        return rangeText;
    }

    @Override
    public String toString() {
        return "--" + name + " (" + rangeText + ", default " + format(defaultValue) + ")";
    }

    private static void requireOrdered(boolean ordered, String name) {
        if (!ordered) {
            throw new IllegalArgumentException("the range of --" + name + " is empty: min is above max");
        }
    }

    private static Optional<Integer> parseInteger(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> parseDecimal(String text) {
        // A plain decimal only: Double.parseDouble would also take "NaN", "1d" or hexadecimal.
        return DECIMAL.matcher(text).matches() ? Optional.of(Double.parseDouble(text)) : Optional.empty();
    }

    /** A number without exponent or trailing zeros: 0.1, 2, 0.0001. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String enumText(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
