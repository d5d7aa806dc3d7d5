package sdlab.check.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.RegisterOps;
import sdlab.core.history.History;

/**
 * The stale-read metric for register and key-value histories: how many reads returned a value
 * older than the newest write that had completed before they began.
 *
 * <p>Reads are {@code read} and {@code get} operations that completed {@code ok}; writes are
 * {@code write} and {@code put} operations (their input is the value written), expected to write
 * unique values per key. Failed writes are ignored. Positions in the history give real time.
 *
 * <p>A read r of key k that returned value x is <b>stale</b> if there is a write w of k such
 * that
 *
 * <ol>
 *   <li>w completed ok before r was invoked, and
 *   <li>every write of x to k completed before w was invoked — or x is the initial value (null)
 *       and no write of null to k was still running when w began.
 * </ol>
 *
 * <p>So a stale read certainly missed w, whatever order the system chose for concurrent writes.
 * Writes with an unknown outcome count as completing at the end of time: a read of their value
 * is never stale, and they never make another read stale. A read of a value that nothing wrote
 * is not stale but counted as {@link StaleReadReport#unexplainedReads}. A pure function of the
 * history, in O(n log n).
 */
public final class StaleReads {
    /** How many examples a report keeps. */
    public static final int EXAMPLES_MAX = 5;

    private StaleReads() {}

    /** Counts the stale reads of {@code history}. */
    public static StaleReadReport count(History history) {
        return count(Operations.of(history));
    }

    /** Counts the stale reads of already paired operations. */
    public static StaleReadReport count(List<Operation> ops) {
        Versions versions = Versions.of(ops);
        Map<String, CompletedWrites> writesByKey = completedWritesByKey(ops);
        Map<String, Integer> byKey = new TreeMap<>();
        List<StaleRead> examples = new ArrayList<>();
        int reads = 0;
        int stale = 0;
        int unexplained = 0;
        for (Operation read : ops) {
            if (!RegisterOps.isOkRead(read)) {
                continue;
            }
            reads++;
            Versions.Version seen = versions.of(read.key(), read.output());
            if (seen == null) {
                unexplained++;
                continue;
            }
            CompletedWrites writes = writesByKey.get(RegisterOps.keyName(read.key()));
            Operation newest = writes == null ? null : writes.latestStartedBefore(read.invokeIndex());
            if (newest != null && seen.certainlyOlderThan(newest)) {
                stale++;
                byKey.merge(RegisterOps.keyName(read.key()), 1, Integer::sum);
                if (examples.size() < EXAMPLES_MAX) {
                    examples.add(example(read, newest));
                }
            }
        }
        return new StaleReadReport(reads, stale, byKey, unexplained, examples);
    }

    private static StaleRead example(Operation read, Operation newest) {
        return new StaleRead(
                read.id(),
                read.process(),
                RegisterOps.keyName(read.key()),
                read.output(),
                newest.id(),
                newest.input(),
                read.invokeIndex(),
                newest.completeIndex(),
                read.invokeTimeNanos(),
                newest.completeTimeNanos());
    }

    private static Map<String, CompletedWrites> completedWritesByKey(List<Operation> ops) {
        Map<String, List<Operation>> grouped = new HashMap<>();
        for (Operation op : ops) {
            if (RegisterOps.isOkWrite(op)) {
                grouped.computeIfAbsent(RegisterOps.keyName(op.key()), k -> new ArrayList<>())
                        .add(op);
            }
        }
        Map<String, CompletedWrites> byKey = new HashMap<>();
        grouped.forEach((key, writes) -> byKey.put(key, new CompletedWrites(writes)));
        return byKey;
    }

    /**
     * The ok writes of one key by completion position, with a running "latest invoked so far",
     * so that the newest write completed before a position is one binary search away.
     */
    private static final class CompletedWrites {
        private final int[] completeIndexes;
        private final Operation[] latestInvokedUpTo;

        CompletedWrites(List<Operation> writes) {
            List<Operation> sorted = new ArrayList<>(writes);
            sorted.sort(Comparator.comparingInt(Operation::completeIndex));
            completeIndexes = new int[sorted.size()];
            latestInvokedUpTo = new Operation[sorted.size()];
            Operation latest = null;
            for (int i = 0; i < sorted.size(); i++) {
                Operation w = sorted.get(i);
                completeIndexes[i] = w.completeIndex();
                latest = latest == null || w.invokeIndex() > latest.invokeIndex() ? w : latest;
                latestInvokedUpTo[i] = latest;
            }
        }

        /** Of the writes that completed before {@code position}, the one invoked last; or null. */
        Operation latestStartedBefore(int position) {
            int lo = 0;
            int hi = completeIndexes.length; // first index whose completion is at or after position
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (completeIndexes[mid] < position) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : latestInvokedUpTo[lo - 1];
        }
    }
}
