package sdlab.lab.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.lab.DurationText;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ParamSetting;

/** Parameter values and variant settings in the terms reports use: numbers and booleans as they are, the rest as text. */
final class PlainValues {
    private PlainValues() {}

    static List<ParamSetting> params(ParamValues values) {
        List<ParamSetting> settings = new ArrayList<>();
        for (Param<?> param : values.params()) {
            settings.add(setting(param, values));
        }
        return settings;
    }

    static Map<String, Object> settings(Map<String, Object> settings) {
        Map<String, Object> plain = new LinkedHashMap<>();
        settings.forEach((name, value) -> plain.put(name, plain(value)));
        return plain;
    }

    private static <T> ParamSetting setting(Param<T> param, ParamValues values) {
        T value = values.get(param);
        return new ParamSetting(
                param.name(),
                param.description(),
                plain(value),
                param.format(value),
                param.format(param.defaultValue()),
                param.rangeText());
    }

    static Object plain(Object value) {
        return switch (value) {
            case null -> "null";
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Short s -> s.intValue();
            case Byte b -> b.intValue();
            case Boolean b -> b;
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            case Duration d -> DurationText.format(d);
            default -> value.toString();
        };
    }
}
