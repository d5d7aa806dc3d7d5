package sdlab.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sdlab.bench.sim.SimWorkload;
import sdlab.sim.SimResult;

/**
 * The simulator's speed on one thread: each invocation builds and runs one fixed-size simulation
 * of the 5-node quorum store ((N, R, W) = (5, 3, 3), log-normal latency, no faults, no trace),
 * a fresh seed each time. The score is simulations per second; the {@code deliveries} and
 * {@code events} counters of {@link Counts} are reported beside it as rates, so {@code
 * deliveries} reads directly as simulated message deliveries per second. One simulation of
 * {@code quorum} is 5 clients x 200 operations (about 10,200 deliveries); of {@code
 * message-heavy}, 64 clients x 50 operations (about 34,000).
 *
 * <p>Run it from the repository root after {@code mvn -o -q -pl bench install -DskipTests}:
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     SimDeliveriesBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>{@code sdlab bench sim} measures the same thing with longer rounds and also reports virtual
 * over wall time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimDeliveriesBenchmark {
    /**
     * Operations per client in one simulation, by workload: long enough that building the
     * simulation (about 0.3 ms for 5 clients, 2 ms for 64, mostly hash rings) is a small share.
     */
    private static final int QUORUM_OPS_PER_CLIENT = 200;

    private static final int MESSAGE_HEAVY_OPS_PER_CLIENT = 50;

    /** Which workload of {@link SimWorkload}. */
    @Param({SimWorkload.QUORUM, SimWorkload.MESSAGE_HEAVY})
    public String workload;

    private SimWorkload chosen;
    private long seed;

    /** What the simulations did; JMH reports each field as a rate per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Counts {
        /** Messages delivered. */
        public long deliveries;

        /** Events taken from the simulator's queue. */
        public long events;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            deliveries = 0;
            events = 0;
        }
    }

    /** Picks the workload and sizes one simulation of it. */
    @Setup(Level.Trial)
    public void setUp() {
        SimWorkload named = SimWorkload.byName(workload)
                .orElseThrow(() -> new IllegalArgumentException("no workload named " + workload));
        int ops = workload.equals(SimWorkload.QUORUM) ? QUORUM_OPS_PER_CLIENT : MESSAGE_HEAVY_OPS_PER_CLIENT;
        chosen = named.withOpsPerClient(ops);
    }

    /** One simulation, built and run. */
    @Benchmark
    public SimResult simulate(Counts counts) {
        SimResult result = chosen.simulation(++seed).run(SimWorkload.virtualTimeMax());
        counts.deliveries += result.stats().messagesDelivered();
        counts.events += result.stats().eventsProcessed();
        return result;
    }
}
