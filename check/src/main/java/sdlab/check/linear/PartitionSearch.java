package sdlab.check.linear;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.Verdict;

/**
 * Checks one partition segment by segment, so that a long history with little concurrency costs
 * time and memory close to linear in its length.
 *
 * <h2>Why segments</h2>
 *
 * <p>One search over a whole partition keeps a bitset of every operation in each memoised
 * configuration: a sequential history of n operations holds n configurations of n bits, which is
 * quadratic (100,000 operations need gigabytes). But at a quiescent point, where every ok
 * operation invoked so far has completed, the past matters only through the state it left and
 * the operations with unknown outcome still open (they may take effect later, or never). So the
 * partition is cut there ({@link PartitionHistory#segmentStarts}) and each segment is searched
 * with its own small bitset and memo ({@link WglSearch}), starting from a configuration that the
 * previous segment ended in: a {@link Carry}.
 *
 * <h2>Depth first across segments</h2>
 *
 * <p>The search goes depth first over segments as the Wing–Gong search goes over operations: the
 * first way segment s can end is carried into segment s + 1 at once; only if s + 1 cannot be
 * linearized from it is segment s's search resumed for its next end. A valid history with little
 * concurrency thus costs one short search per segment. A carry that failed is remembered per
 * cut, and a later carry with the same state and no more open operations is skipped: it can do
 * nothing the failed one could not. If segment 0 runs out of ends, the partition is not
 * linearizable, and the report shows the longest prefix any search reached.
 */
final class PartitionSearch {
    /**
     * Segments hold at least this many operations: cutting at every quiescent point of a
     * sequential history would set up one search per operation.
     */
    static final int SEGMENT_OPS_MIN = 64;

    private static final int[] NONE = new int[0];

    private final PartitionHistory history;
    private final Budget budget;
    private final Map<Integer, Map<Long, List<int[]>>> failedByCut = new HashMap<>();
    private long visitedStates;
    private Carry deepestFrom;
    private int[] deepestOps = NONE;
    private long deepestState;

    PartitionSearch(PartitionHistory history, Budget budget) {
        this.history = history;
        this.budget = budget;
    }

    PartitionResult run() {
        long initial = history.machine.initialState();
        Carry first = new Carry(initial, NONE, NONE, null, 0);
        int[] starts = history.segmentStarts(SEGMENT_OPS_MIN);
        if (starts.length == 0) {
            return result(Verdict.VALID, NONE, initial, List.of(), null);
        }
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(frame(starts, 0, first));
        long bytesBelow = 0;
        while (!frames.isEmpty()) {
            Frame top = frames.peek();
            WglSearch.Outcome outcome = top.search.next();
            if (outcome == WglSearch.Outcome.OVER_BUDGET) {
                return result(Verdict.UNKNOWN, top.carry.witness(), top.carry.state, List.of(), budget.reason());
            }
            if (outcome == WglSearch.Outcome.EXHAUSTED) {
                noteDeepest(top);
                fail(top.segment, top.carry);
                frames.pop();
                bytesBelow -= frames.isEmpty() ? 0 : frames.peek().bytesSuspended;
                budget.carrying(bytesBelow);
                continue;
            }
            Carry end = top.carry.then(top.local, top.search.state(), top.search.stackOps());
            if (top.segment == starts.length - 1) {
                frames.forEach(f -> visitedStates += f.search.visitedStates());
                return result(Verdict.VALID, end.witness(), end.state, List.of(), null);
            }
            if (failedBefore(top.segment + 1, end)) {
                continue;
            }
            top.bytesSuspended = top.search.bytes();
            bytesBelow += top.bytesSuspended;
            budget.carrying(bytesBelow);
            frames.push(frame(starts, top.segment + 1, end));
        }
        int[] prefix = deepestFrom.witnessThen(deepestOps);
        return result(Verdict.INVALID, prefix, deepestState, Unplaced.after(history, prefix), null);
    }

    /** A search of one segment from one carried configuration. */
    private static final class Frame {
        final int segment;
        final Carry carry;
        final PartitionHistory local;
        final WglSearch search;
        long bytesSuspended;

        Frame(int segment, Carry carry, PartitionHistory local, WglSearch search) {
            this.segment = segment;
            this.carry = carry;
            this.local = local;
            this.search = search;
        }
    }

    private Frame frame(int[] starts, int segment, Carry carry) {
        int from = starts[segment];
        int to = segment + 1 < starts.length ? starts[segment + 1] : history.size();
        int[] chosen = Arrays.copyOf(carry.open, carry.open.length + to - from);
        for (int op = from; op < to; op++) {
            chosen[carry.open.length + op - from] = op; // carried ops come first: ascending, as subset wants
        }
        PartitionHistory local = history.subset(chosen);
        return new Frame(segment, carry, local, new WglSearch(local, carry.state, budget));
    }

    private void noteDeepest(Frame frame) {
        visitedStates += frame.search.visitedStates();
        int[] ops = whole(frame.local, frame.search.deepestOps());
        if (deepestFrom == null || frame.carry.count + ops.length > deepestFrom.count + deepestOps.length) {
            deepestFrom = frame.carry;
            deepestOps = ops;
            deepestState = frame.search.deepestState();
        }
    }

    private void fail(int segment, Carry carry) {
        failedByCut
                .computeIfAbsent(segment, s -> new HashMap<>())
                .computeIfAbsent(carry.state, s -> new ArrayList<>())
                .add(carry.open);
    }

    /** True if a carry into {@code segment} with the same state and at least these open operations failed. */
    private boolean failedBefore(int segment, Carry carry) {
        Map<Long, List<int[]>> failed = failedByCut.get(segment);
        List<int[]> sameState = failed == null ? null : failed.get(carry.state);
        return sameState != null && sameState.stream().anyMatch(open -> isSubset(carry.open, open));
    }

    /** Both arrays ascending. */
    private static boolean isSubset(int[] small, int[] large) {
        int j = 0;
        for (int op : small) {
            while (j < large.length && large[j] < op) {
                j++;
            }
            if (j == large.length || large[j] != op) {
                return false;
            }
        }
        return true;
    }

    /** Indices of {@code local} as indices of the whole partition. */
    private static int[] whole(PartitionHistory local, int[] localOps) {
        int[] ops = new int[localOps.length];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = local.whole[localOps[i]];
        }
        return ops;
    }

    /**
     * A configuration at a cut: the state, the unknown operations still open (ascending partition
     * indices), and the operations its segment linearized, after those of {@code previous}; {@code
     * count} is the length of the whole chain.
     */
    record Carry(long state, int[] open, int[] order, Carry previous, int count) {
        Carry then(PartitionHistory local, long after, int[] localOrder) {
            boolean[] placed = new boolean[local.size()];
            for (int op : localOrder) {
                placed[op] = true;
            }
            int[] stillOpen = new int[local.size() - localOrder.length];
            int n = 0;
            for (int op = 0; op < local.size(); op++) {
                if (!placed[op]) {
                    assert !local.required[op] : "an end has every ok operation linearized";
                    stillOpen[n++] = local.whole[op];
                }
            }
            return new Carry(after, stillOpen, whole(local, localOrder), this, count + localOrder.length);
        }

        int[] witness() {
            return witnessThen(NONE);
        }

        /** The chain's operations in order, then {@code more}. */
        int[] witnessThen(int[] more) {
            int[] all = new int[count + more.length];
            System.arraycopy(more, 0, all, count, more.length);
            for (Carry c = this; c != null; c = c.previous) {
                System.arraycopy(c.order, 0, all, c.count - c.order.length, c.order.length);
            }
            return all;
        }
    }

    private PartitionResult result(
            Verdict verdict, int[] linearized, long stateAfter, List<Integer> unplaced, String reason) {
        List<Integer> linearization = new ArrayList<>(linearized.length);
        for (int op : linearized) {
            linearization.add(history.ops[op].id());
        }
        return new PartitionResult(
                history.key,
                verdict,
                history.size(),
                linearization,
                history.machine.describe(stateAfter),
                unplaced,
                budget.steps(),
                visitedStates,
                reason);
    }
}
