package sdlab.check.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the external oracle histories of {@code ../shared/oracles/porcupine}: from the {@code
 * sdlab.root} system property (set by the build), else by walking up from the working directory
 * to a directory with a sibling {@code shared/oracles}.
 */
public final class Oracles {
    /**
     * One oracle history and the verdict its source gives.
     *
     * @param name the file's path under the porcupine directory, such as {@code etcd/etcd_002.log}
     * @param model cas-register or key-value
     */
    public record Oracle(String name, Path file, String model, boolean linearizable) {
        @Override
        public String toString() {
            return name;
        }

        public String text() {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Oracles() {}

    /** Where the oracles were looked for, for skip messages. */
    public static String searched() {
        return "sdlab.root=" + System.getProperty("sdlab.root") + " (+ /../shared/oracles), then the parents of "
                + Paths.get("").toAbsolutePath() + " (a sibling shared/oracles)";
    }

    /** The porcupine oracle directory, if it can be found. */
    public static Optional<Path> porcupineDir() {
        List<Path> candidates = new ArrayList<>();
        String root = System.getProperty("sdlab.root");
        if (root != null && !root.isBlank()) {
            candidates.add(Paths.get(root).resolve("../shared/oracles"));
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolveSibling("shared").resolve("oracles"));
        }
        return candidates.stream()
                .map(p -> p.resolve("porcupine").normalize())
                .filter(Files::isDirectory)
                .findFirst();
    }

    /** All porcupine oracle histories with their verdicts; empty if the directory is absent. */
    public static List<Oracle> all() {
        Optional<Path> dir = porcupineDir();
        if (dir.isEmpty()) {
            return List.of();
        }
        List<Oracle> oracles = new ArrayList<>(etcd(dir.get()));
        oracles.addAll(kv(dir.get()));
        return oracles;
    }

    private static List<Oracle> etcd(Path dir) {
        Map<Integer, Boolean> verdicts = new HashMap<>();
        try (Stream<String> lines = Files.lines(dir.resolve("etcd/VERDICTS.txt"))) {
            lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> {
                        String[] f = l.split("\\s+");
                        verdicts.put(Integer.parseInt(f[0]), Boolean.parseBoolean(f[1]));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list(dir.resolve("etcd")).stream()
                .filter(p -> p.getFileName().toString().matches("etcd_\\d+\\.log"))
                .map(p -> {
                    String file = p.getFileName().toString();
                    int number = Integer.parseInt(file.substring(5, file.length() - 4));
                    Boolean verdict = verdicts.get(number);
                    if (verdict == null) {
                        throw new IllegalStateException("VERDICTS.txt has no verdict for " + file);
                    }
                    return new Oracle("etcd/" + file, p, "cas-register", verdict);
                })
                .toList();
    }

    private static List<Oracle> kv(Path dir) {
        return list(dir.resolve("kv")).stream()
                .filter(p -> p.getFileName().toString().matches(".*-(ok|bad)\\.txt"))
                .map(p -> {
                    String file = p.getFileName().toString();
                    return new Oracle("kv/" + file, p, "key-value", file.endsWith("-ok.txt"));
                })
                .toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
