package sdlab.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sdlab.bench.check.OracleFolder;
import sdlab.bench.check.OracleHistories;
import sdlab.bench.check.OracleHistory;
import sdlab.bench.check.OracleTimer;
import sdlab.check.history.HistoryParser;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.core.history.History;

/**
 * The linearizability checker on Porcupine oracle histories: the two that take Porcupine longest
 * (etcd_002 and etcd_007, valid), an invalid etcd log (etcd_040) and the larger key-value pair
 * (c10, checked per key). Average time per check in milliseconds; parsing is done once in
 * setup, as Porcupine's figures (PORCUPINE-TIMES.txt: 410, 300, 30 and under 5 ms) exclude it.
 *
 * <p>The oracles are found beside the repository ({@code ../shared/oracles/porcupine}, see
 * {@link OracleFolder}); run it from the repository root after {@code mvn -o -q -pl bench
 * install -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     OracleCheckBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>Add {@code -p history=etcd/etcd_002.log} for one history. {@code sdlab bench check} times
 * every oracle history and prints the table beside Porcupine's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OracleCheckBenchmark {
    /** The history's path under the porcupine folder. */
    @Param({"etcd/etcd_002.log", "etcd/etcd_007.log", "etcd/etcd_040.log", "kv/c10-bad.txt", "kv/c10-ok.txt"})
    public String history;

    private OracleHistory oracle;
    private History parsed;

    /** Finds and parses the history. */
    @Setup
    public void setUp() throws IOException {
        var porcupine = OracleFolder.findDefault()
                .orElseThrow(() -> new IllegalStateException("no Porcupine oracles found; run from the repository"
                        + " root, whose sibling shared/oracles/porcupine holds them"));
        oracle = OracleHistories.load(porcupine).stream()
                .filter(h -> h.name().equals(history))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no oracle history " + history + " in " + porcupine));
        parsed = HistoryParser.parse(Files.readString(oracle.file()));
    }

    /** One unlimited check against the history's model. */
    @Benchmark
    public LinearizabilityResult check() {
        return OracleTimer.check(oracle, parsed);
    }
}
