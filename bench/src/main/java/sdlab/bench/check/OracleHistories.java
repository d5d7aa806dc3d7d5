package sdlab.bench.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists the histories of a Porcupine oracle folder with their verdicts and Porcupine's times:
 * the etcd logs ({@code etcd/etcd_NNN.log}, verdicts in {@code etcd/VERDICTS.txt}, checked as a
 * cas-register) and the key-value files ({@code kv/*-ok.txt} and {@code kv/*-bad.txt}, checked
 * per key). Histories the folder gains later are listed too, without a Porcupine time.
 */
public final class OracleHistories {
    private static final Pattern ETCD_LOG = Pattern.compile("etcd_(\\d+)\\.log");
    private static final Pattern KV_FILE = Pattern.compile(".*-(ok|bad)\\.txt");

    private OracleHistories() {}

    /**
     * Every history of {@code porcupine}, etcd logs first, each folder in name order.
     *
     * @throws IOException if a file cannot be read
     * @throws IllegalArgumentException if a verdict or a history PORCUPINE-TIMES.txt names is missing,
     *     or a line of either file is malformed
     */
    public static List<OracleHistory> load(Path porcupine) throws IOException {
        Map<String, Double> times =
                PorcupineTimes.parse(Files.readAllLines(porcupine.resolve(OracleFolder.TIMES_FILE)));
        Map<Integer, Boolean> verdicts = etcdVerdicts(porcupine.resolve("etcd").resolve("VERDICTS.txt"));
        List<OracleHistory> histories = new ArrayList<>();
        for (Path file : list(porcupine.resolve("etcd"))) {
            Matcher log = ETCD_LOG.matcher(file.getFileName().toString());
            if (log.matches()) {
                Boolean verdict = verdicts.get(Integer.parseInt(log.group(1)));
                if (verdict == null) {
                    throw new IllegalArgumentException("etcd/VERDICTS.txt has no verdict for " + file.getFileName());
                }
                histories.add(history("etcd", file, "cas-register", verdict, times));
            }
        }
        for (Path file : list(porcupine.resolve("kv"))) {
            Matcher kv = KV_FILE.matcher(file.getFileName().toString());
            if (kv.matches()) {
                histories.add(history("kv", file, "key-value", kv.group(1).equals("ok"), times));
            }
        }
        for (String named : times.keySet()) {
            if (histories.stream().noneMatch(h -> h.name().equals(named))) {
                throw new IllegalArgumentException(
                        OracleFolder.TIMES_FILE + " names " + named + ", which is not in " + porcupine);
            }
        }
        return List.copyOf(histories);
    }

    private static OracleHistory history(
            String folder, Path file, String model, boolean linearizable, Map<String, Double> times) {
        String name = folder + "/" + file.getFileName();
        Double seconds = times.get(name);
        return new OracleHistory(
                name, file, model, linearizable, seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds));
    }

    /** Log number to verdict, from lines {@code <number> true|false}. */
    private static Map<Integer, Boolean> etcdVerdicts(Path file) throws IOException {
        Map<Integer, Boolean> verdicts = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return verdicts;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2 || !fields[0].matches("\\d+") || !fields[1].matches("true|false")) {
                throw new IllegalArgumentException(
                        "etcd/VERDICTS.txt line " + (i + 1) + ": expected '<number> true|false', got '" + line + "'");
            }
            verdicts.put(Integer.parseInt(fields[0]), Boolean.parseBoolean(fields[1]));
        }
        return verdicts;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
