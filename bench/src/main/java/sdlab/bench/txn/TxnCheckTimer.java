package sdlab.bench.txn;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.function.LongSupplier;
import sdlab.check.txn.TxnChecker;
import sdlab.check.txn.TxnHistory;
import sdlab.check.txn.TxnHistoryWriter;
import sdlab.check.txn.TxnModel;
import sdlab.check.txn.TxnResult;
import sdlab.check.txn.gen.ListAppendGenerator;

/**
 * Times the transactional checker on one generated list-append history: the history is
 * generated in memory first (not timed), then checked several times; the median time is kept.
 * The heap's peak is read from the JVM's memory pools, reset after a collection just before each
 * check, so it counts the input (held throughout) plus everything the check allocates, garbage
 * not yet collected included: an upper bound.
 */
public final class TxnCheckTimer {
    /**
     * One measurement.
     *
     * @param txns transactions in the history
     * @param interleaved whether the store had no isolation (a history full of anomalies)
     * @param parsed whether the timing includes parsing the history from Jepsen EDN text
     * @param edges dependency edges the checker built
     * @param anomalies anomalies found
     * @param nanos the check's median wall time over the runs
     * @param inputHeapBytes the heap in use, after a collection, holding the input (history or text)
     * @param peakHeapBytes the heap's largest peak during a check
     */
    public record Timing(
            int txns,
            boolean interleaved,
            boolean parsed,
            int edges,
            int anomalies,
            long nanos,
            long inputHeapBytes,
            long peakHeapBytes) {}

    private final LongSupplier clockNanos;

    public TxnCheckTimer(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
    }

    /**
     * Generates a history of {@code txns} transactions by {@code processes} clients and times
     * {@code runs} checks of it; with {@code parsed}, the history is written as EDN text (not
     * timed) and each timed run parses that text as {@code sdlab check} does, then checks it.
     */
    public Timing time(int txns, int processes, boolean interleaved, boolean parsed, int runs, long seed) {
        ListAppendGenerator.Config config = new ListAppendGenerator.Config(
                txns, processes, 8, 32, 4, interleaved ? 0 : 3, interleaved ? 0 : 2, interleaved, false);
        TxnHistory generated = ListAppendGenerator.generate(config, seed);
        // With parsed, only the text is held: each check builds its own history from it.
        String text = parsed ? TxnHistoryWriter.edn(generated) : null;
        TxnHistory history = parsed ? null : generated;
        generated = null;
        long[] nanos = new long[runs];
        long inputHeap = 0;
        long peak = 0;
        TxnResult result = null;
        for (int run = 0; run < runs; run++) {
            System.gc(); // every run starts from the same small heap, so that the peaks compare
            inputHeap = used();
            resetPeaks();
            long start = clockNanos.getAsLong();
            result = TxnChecker.standard().check(parsed ? TxnHistory.parse(text, TxnModel.LIST_APPEND) : history);
            nanos[run] = clockNanos.getAsLong() - start;
            peak = Math.max(peak, peakHeap());
        }
        Arrays.sort(nanos);
        return new Timing(
                txns, interleaved, parsed, result.edges(), result.anomalies().size(), nanos[runs / 2], inputHeap, peak);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap used at once. */
    private static long peakHeap() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes;
    }
}
