package sdlab.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
import sdlab.core.NodeId;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;

/**
 * What routing one request costs: {@code ownerOf(key)} of the shard module's partitioners over 12 shards, in
 * nanoseconds per call. The hash partitioners hash the key ({@code StableHash}, over the whole key) and then take it
 * modulo 12 or binary-search the ring's {@code 12 x tokens} positions; range partitioning binary-searches the ranges'
 * start keys with string comparisons. Keys are 4,096 random {@code user:<16 hex digits>} strings, cycled, so the
 * branch predictor cannot learn one key's path.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     ShardRoutingBenchmark -f 1 -wi 3 -i 5
 * </pre>
 *
 * <p>{@code sdlab bench shard --routing} runs it through JMH's API, a forked JVM per partitioner, so that each call
 * site sees one partitioner class as a router using one would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ShardRoutingBenchmark {
    /** The partitioners measured, in the order reports list them. */
    public static final List<String> PARTITIONERS =
            List.of("modulo", "ring-1", "ring-16", "ring-256", "range-12", "range-1000");

    private static final int SHARDS = 12;
    private static final int KEYS = 4096;

    /** {@code modulo}, {@code ring-T} (T tokens per shard) or {@code range-R} (R ranges). */
    @Param({"modulo", "ring-1", "ring-16", "ring-256", "range-12", "range-1000"})
    public String partitioner;

    private Partitioner router;
    private String[] keys;
    private int next;

    @Setup
    public void setUp() {
        router = create(partitioner);
        SplittableRandom random = new SplittableRandom(18);
        keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = key(random.nextLong());
        }
    }

    @Benchmark
    public NodeId ownerOf() {
        String key = keys[next];
        next = (next + 1) & (KEYS - 1);
        return router.ownerOf(key);
    }

    /** The partitioner a parameter names, over 12 shards. */
    public static Partitioner create(String name) {
        List<NodeId> shards = new ArrayList<>();
        for (int i = 0; i < SHARDS; i++) {
            shards.add(NodeId.of("shard-" + i));
        }
        if (name.equals("modulo")) {
            return new ModuloPartitioner(shards, KeyHash.stable());
        }
        if (name.startsWith("ring-")) {
            return new ConsistentHashPartitioner(shards, Integer.parseInt(name.substring(5)), KeyHash.stable());
        }
        if (name.startsWith("range-")) {
            int ranges = Integer.parseInt(name.substring(6));
            // Cuts at equal steps of the key space, so random keys fall evenly into the ranges.
            List<String> cuts = new ArrayList<>();
            for (int i = 1; i < ranges; i++) {
                cuts.add(key(Long.divideUnsigned(-1L, ranges) * i));
            }
            return RangePartitioner.cutAt(cuts, shards);
        }
        throw new IllegalArgumentException("unknown partitioner '" + name + "'; choose from " + PARTITIONERS);
    }

    private static String key(long value) {
        return String.format("user:%016x", value);
    }
}
