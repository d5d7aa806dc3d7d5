package sdlab.bench.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Porcupine's own check times, as PORCUPINE-TIMES.txt gives them: one {@code name seconds}
 * line per history ({@code etcd_002.log 0.41}, {@code kv/c01-ok.txt 0.00}); lines starting
 * with {@code #} are comments. Bare {@code etcd_} names live in the {@code etcd} folder.
 *
 * <p>Porcupine prints seconds with two decimals, so {@code 0.00} means "under 5 ms": such a
 * figure bounds the time, it does not measure it.
 */
public final class PorcupineTimes {
    /** Porcupine's resolution: half of its last printed digit. */
    public static final double RESOLUTION_SECONDS = 0.005;

    private PorcupineTimes() {}

    /**
     * Seconds per history, keyed by path under the porcupine folder, in file order.
     *
     * @throws IllegalArgumentException naming the line that is not {@code name seconds}
     */
    public static Map<String, Double> parse(List<String> lines) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                throw malformed(i, line);
            }
            try {
                double value = Double.parseDouble(fields[1]);
                if (!(value >= 0) || Double.isInfinite(value)) {
                    throw malformed(i, line);
                }
                seconds.put(qualified(fields[0]), value);
            } catch (NumberFormatException e) {
                throw malformed(i, line);
            }
        }
        return seconds;
    }

    private static String qualified(String name) {
        return !name.contains("/") && name.startsWith("etcd_") ? "etcd/" + name : name;
    }

    private static IllegalArgumentException malformed(int index, String line) {
        return new IllegalArgumentException(OracleFolder.TIMES_FILE + " line " + (index + 1)
                + ": expected '<history> <seconds>', got '" + line + "'");
    }
}
