package sdlab.check.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.check.history.HistoryParser;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Models;
import sdlab.check.testing.Oracles;
import sdlab.check.testing.Oracles.Oracle;
import sdlab.core.history.History;

/**
 * Times the linearizability check of every Porcupine oracle history, in-process, and prints it
 * beside Porcupine's own times (PORCUPINE-TIMES.txt). Not a unit test: run it by hand.
 *
 * <pre>
 * cd /work/main &amp;&amp; source build/jdk.sh
 * mvn -o -q -pl check dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp check/target/classes:check/target/test-classes:$(cat /tmp/cp.txt) \
 *     -Dsdlab.root=$PWD sdlab.check.bench.OracleTiming [runs]
 * </pre>
 *
 * <p>Parsing is done once, outside the timing, as Porcupine's figures exclude it too. Each
 * history is checked a few times to warm the JIT, then timed {@code runs} times (default 21);
 * the table shows the median.
 */
public final class OracleTiming {
    private static final int WARM_UP_ROUNDS = 5;

    private OracleTiming() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        Path dir = Oracles.porcupineDir()
                .orElseThrow(() -> new IllegalStateException("no oracles; looked at " + Oracles.searched()));
        Map<String, Double> peerSeconds = peerTimes(dir.resolve("PORCUPINE-TIMES.txt"));
        List<Oracle> oracles = Oracles.all();
        Map<Oracle, History> parsed = new HashMap<>();
        oracles.forEach(o -> parsed.put(o, HistoryParser.parse(o.text())));
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            oracles.forEach(o -> check(o, parsed.get(o)));
        }
        System.out.printf(
                Locale.ROOT,
                "%-20s %-8s %12s %12s %14s %10s%n",
                "history",
                "verdict",
                "sdlab ms",
                "porcupine ms",
                "porcupine/sdlab",
                "steps");
        double totalMs = 0;
        double totalPeerMs = 0;
        for (Oracle oracle : oracles) {
            long[] nanos = new long[runs];
            LinearizabilityResult result = null;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                result = check(oracle, parsed.get(oracle));
                nanos[r] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double ms = nanos[runs / 2] / 1e6;
            double peerMs = peerSeconds.getOrDefault(oracle.name(), Double.NaN) * 1000;
            totalMs += ms;
            totalPeerMs += peerMs;
            System.out.printf(
                    Locale.ROOT,
                    "%-20s %-8s %12.3f %12.0f %14s %10d%n",
                    oracle.name(),
                    result.verdict(),
                    ms,
                    peerMs,
                    ratio(peerMs, ms),
                    result.steps());
        }
        System.out.printf(
                Locale.ROOT,
                "%-20s %-8s %12.3f %12.0f %14s%n",
                "total",
                "",
                totalMs,
                totalPeerMs,
                ratio(totalPeerMs, totalMs));
    }

    private static LinearizabilityResult check(Oracle oracle, History history) {
        return Linearizability.check(history, Models.byName(oracle.model()).orElseThrow(), CheckLimits.unlimited());
    }

    private static String ratio(double peerMs, double ms) {
        // Porcupine prints two decimals of seconds: 0.00 means under 5 ms, so no ratio is meaningful.
        return peerMs < 5 ? "(<5 ms)" : String.format(Locale.ROOT, "%.1fx", peerMs / ms);
    }

    private static Map<String, Double> peerTimes(Path file) throws IOException {
        Map<String, Double> seconds = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length == 2 && !line.startsWith("#")) {
                String name = fields[0].startsWith("etcd_") ? "etcd/" + fields[0] : fields[0];
                seconds.put(name, Double.parseDouble(fields[1]));
            }
        }
        return seconds;
    }
}
