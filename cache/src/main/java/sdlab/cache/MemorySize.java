package sdlab.cache;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Memory sizes as Redis's configuration writes them: a plain byte count, or a number with a
 * unit, where {@code k}, {@code m}, {@code g} are powers of 1000 and {@code kb}, {@code mb},
 * {@code gb} powers of 1024 (so {@code 100mb} is 104857600 bytes).
 */
public final class MemorySize {
    private MemorySize() {}

    /** The byte count {@code text} names, or empty if it is not a memory size. */
    public static OptionalLong parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        String[][] units = {
            {"kb", "1024"},
            {"mb", "1048576"},
            {"gb", "1073741824"},
            {"k", "1000"},
            {"m", "1000000"},
            {"g", "1000000000"},
            {"b", "1"}
        };
        for (String[] unit : units) {
            if (lower.endsWith(unit[0])) {
                multiplier = Long.parseLong(unit[1]);
                lower = lower.substring(0, lower.length() - unit[0].length());
                break;
            }
        }
        if (lower.isEmpty() || !lower.chars().allMatch(Character::isDigit) || lower.length() > 18) {
            return OptionalLong.empty();
        }
        long number = Long.parseLong(lower);
        if (number > Long.MAX_VALUE / multiplier) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(number * multiplier);
    }

    /** Redis's {@code used_memory_human} style: {@code 1.50M}, {@code 812.00K}, {@code 0B}. */
    public static String human(long bytes) {
        String[] units = {"B", "K", "M", "G", "T", "P"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + "B" : String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }
}
