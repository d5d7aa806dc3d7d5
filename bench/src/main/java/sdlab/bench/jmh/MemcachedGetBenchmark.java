package sdlab.bench.jmh;

import java.util.Arrays;
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
import sdlab.cache.memcached.Item;
import sdlab.cache.memcached.MemcachedKey;
import sdlab.cache.memcached.MemcachedStore;
import sdlab.cache.memcached.StoreMode;

/**
 * The memcached store's get hit without the network: what the cache node's port does for each of memaslap's gets
 * once the line is parsed. {@code items} keys of 64 bytes (memaslap's length, starting with its eight 0x10 bytes)
 * hold 64-byte values, stored in a shuffled order so that neighbours in the LRU list are not neighbours in memory;
 * each call copies the next key of a shuffled sequence into the one reusable probe (as the connection copies it from
 * its receive buffer), looks it up and reads the value's first and last bytes (the reply copies it). The key bytes
 * are built in a buffer that stays in the cache, so the misses measured are the store's. Scores are nanoseconds per
 * get; the store has the node's 64 stripes and memory for every item, so nothing is evicted.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main \
 *     MemcachedGetBenchmark -f 2 -wi 5 -i 10
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class MemcachedGetBenchmark {
    private static final int KEY_BYTES = 64;
    private static final int VALUE_BYTES = 64;
    private static final int SEQUENCE = 1 << 20;

    /** Items in the store: 40,000 is what one of the bench's 400,000-request runs leaves; more spill out of the caches. */
    @Param({"40000", "400000"})
    public int items;

    private MemcachedStore store;
    private final MemcachedKey probe = new MemcachedKey();
    private int[] sequence;
    private int next;

    @Setup
    public void setUp() {
        store = new MemcachedStore(1L << 32, 1 << 20, 64, () -> 0L);
        SplittableRandom random = new SplittableRandom(11);
        int[] order = new int[items];
        Arrays.setAll(order, i -> i);
        shuffle(order, random);
        byte[] value = new byte[VALUE_BYTES];
        Arrays.fill(value, (byte) 'v');
        for (int index : order) {
            store.store(StoreMode.SET, key(index), 0, 0, value.clone(), 0);
        }
        sequence = new int[SEQUENCE];
        for (int i = 0; i < SEQUENCE; i++) {
            sequence[i] = random.nextInt(items);
        }
    }

    @Benchmark
    public int getHit() {
        int index = sequence[next];
        next = (next + 1) & (SEQUENCE - 1);
        Item item = store.get(key(index));
        return valueBytesRead(item);
    }

    /**
     * The same gets timed by the thread's CPU clock instead of JMH's wall clock, for a shared
     * machine: with twenty runnable threads on two cores, JMH's scores measure the scheduler (2 – 9
     * µs per get), while CPU time stays within about a tenth. Prints the CPU nanoseconds per get of
     * five rounds of 2,000,000 gets after three unprinted ones. Argument: the number of items.
     */
    public static void main(String[] args) {
        MemcachedGetBenchmark benchmark = new MemcachedGetBenchmark();
        benchmark.items = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        benchmark.setUp();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder report = new StringBuilder("items=" + benchmark.items + ", CPU ns per get:");
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000_000; i++) {
                sink += benchmark.getHit();
            }
            long nanos = threads.getCurrentThreadCpuTime() - start;
            if (round >= 3) {
                report.append(' ').append(nanos / 2_000_000);
            }
        }
        System.out.println(report + (sink == 42 ? "" : ""));
    }

    /** Reads the value as the reply's copy does: its length and its first and last bytes. */
    private static int valueBytesRead(Item item) {
        byte[] value = item.value();
        return value.length + value[0] + value[value.length - 1];
    }

    /** memaslap's eight 0x10 bytes, filler, and the index in hexadecimal at the end, in the probe's own buffer. */
    private MemcachedKey key(int index) {
        byte[] buffer = probe.buffer();
        if (buffer[0] != 0x10) {
            Arrays.fill(buffer, 0, 8, (byte) 0x10);
            Arrays.fill(buffer, 8, KEY_BYTES, (byte) 'k');
        }
        for (int i = 0; i < 8; i++) {
            buffer[KEY_BYTES - 1 - i] = (byte) Character.forDigit((index >>> (4 * i)) & 0xF, 16);
        }
        return probe.filled(KEY_BYTES);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
