package sdlab.lab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of an experiment's parameters: the defaults, with some replaced by what a user gave. Immutable; {@link
 * #with} returns a new set. Iteration follows the declaration order of the parameters.
 */
public final class ParamValues {
    private final List<Param<?>> params;
    private final Map<String, Object> valuesByName;

    private ParamValues(List<Param<?>> params, Map<String, Object> valuesByName) {
        this.params = params;
        this.valuesByName = Collections.unmodifiableMap(valuesByName);
    }

    /** Every parameter at its default; names must be unique. */
    public static ParamValues defaults(List<Param<?>> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param<?> param : params) {
            if (values.put(param.name(), param.defaultValue()) != null) {
                throw new IllegalArgumentException("two parameters are named '" + param.name() + "'");
            }
        }
        return new ParamValues(List.copyOf(params), values);
    }

    /** These values with {@code param} parsed from {@code text}; throws {@link ParamException} if the text is bad. */
    public ParamValues with(Param<?> param, String text) {
        requireKnown(param);
        Map<String, Object> values = new LinkedHashMap<>(valuesByName);
        values.put(param.name(), param.parse(text));
        return new ParamValues(params, values);
    }

    /** The value of {@code param}. */
    public <T> T get(Param<T> param) {
        requireKnown(param);
        return param.type().cast(valuesByName.get(param.name()));
    }

    /** Name to value, in declaration order, for reports. */
    public Map<String, Object> asMap() {
        return valuesByName;
    }

    /** The parameters, in declaration order. */
    public List<Param<?>> params() {
        return params;
    }

    /** The value of {@code param} written as {@link Param#parse} reads it. */
    public String text(Param<?> param) {
        return formatted(param, valuesByName.get(param.name()));
    }

    /** True when {@code param} has its default value. */
    public boolean isDefault(Param<?> param) {
        return Objects.equals(valuesByName.get(param.name()), param.defaultValue());
    }

    /** Name to text of the parameters that differ from their defaults, for replay commands. */
    public Map<String, String> nonDefaults() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Param<?> param : params) {
            if (!isDefault(param)) {
                texts.put(param.name(), text(param));
            }
        }
        return texts;
    }

    private void requireKnown(Param<?> param) {
        Param<?> declared = params.stream()
                .filter(p -> p.name().equals(param.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--" + param.name() + " is not a parameter here"));
        if (declared.type() != param.type()) {
            throw new IllegalArgumentException("--" + param.name() + " is declared with another type");
        }
    }

    private static <T> String formatted(Param<T> param, Object value) {
        return param.format(param.type().cast(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParamValues that && valuesByName.equals(that.valuesByName);
    }

    @Override
    public int hashCode() {
        return valuesByName.hashCode();
    }

    @Override
    public String toString() {
        return valuesByName.toString();
    }
}
