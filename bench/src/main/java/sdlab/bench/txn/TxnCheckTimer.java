package sdlab.bench.txn;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.LongSupplier;
import sdlab.check.txn.TxnChecker;
import sdlab.check.txn.TxnHistory;
import sdlab.check.txn.TxnHistoryWriter;
import sdlab.check.txn.TxnModel;
import sdlab.check.txn.TxnResult;
import sdlab.check.txn.gen.ListAppendGenerator;

/**
 * Times the transactional checker on one generated list-append history: the history is
 * generated in memory first (not timed), then checked; the heap's peak is read from the JVM's
 * memory pools, reset after a collection just before the check, so it counts the history itself
 * (held throughout) plus everything the check allocates.
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
     * @param nanos the check's wall time
     * @param historyHeapBytes the heap in use after generating the history and a collection
     * @param peakHeapBytes the heap's peak during the check
     */
    public record Timing(
            int txns,
            boolean interleaved,
            boolean parsed,
            int edges,
            int anomalies,
            long nanos,
            long historyHeapBytes,
            long peakHeapBytes) {}

    private final LongSupplier clockNanos;

    public TxnCheckTimer(LongSupplier clockNanos) {
        this.clockNanos = clockNanos;
    }

    /**
     * Generates a history of {@code txns} transactions by {@code processes} clients and times its
     * check; with {@code parsed}, the history is first written as EDN text (not timed) and the
     * timing covers parsing that text as {@code sdlab check} does, then checking.
     */
    public Timing time(int txns, int processes, boolean interleaved, boolean parsed, long seed) {
        ListAppendGenerator.Config config = new ListAppendGenerator.Config(
                txns, processes, 8, 32, 4, interleaved ? 0 : 3, interleaved ? 0 : 2, interleaved, false);
        TxnHistory generated = ListAppendGenerator.generate(config, seed);
        // With parsed, only the text is held: the check builds its own history from it.
        String text = parsed ? TxnHistoryWriter.edn(generated) : null;
        TxnHistory history = parsed ? null : generated;
        generated = null;
        System.gc(); // every size starts from the same small heap, so that the peaks compare
        long historyHeap = used();
        resetPeaks();
        long start = clockNanos.getAsLong();
        TxnResult result = TxnChecker.standard().check(parsed ? TxnHistory.parse(text, TxnModel.LIST_APPEND) : history);
        long nanos = clockNanos.getAsLong() - start;
        return new Timing(
                txns, interleaved, parsed, result.edges(), result.anomalies().size(), nanos, historyHeap, peakHeap());
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
