package sdlab.check.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serializability by definition, for small list-append histories: is there an order of the
 * committed transactions that, run one at a time from empty lists, gives every read exactly what
 * the history says it read? Failed transactions are left out (their appends must not be seen).
 * Backtracking places one transaction at a time and only if it replays, so a dead end is pruned
 * as soon as it appears. Histories with unknown outcomes are not handled (each would double the
 * orders: with and without it).
 */
final class BruteForceSerializability {
    private final List<Txn> committed = new ArrayList<>();
    private final int keys;

    private BruteForceSerializability(TxnHistory history) {
        for (Txn t : history.txns()) {
            if (t.ok()) {
                committed.add(t);
            } else if (!t.failed()) {
                throw new IllegalArgumentException("unknown outcomes are not supported: " + t);
            }
        }
        this.keys = history.keyCount();
    }

    static boolean serializable(TxnHistory history) {
        BruteForceSerializability search = new BruteForceSerializability(history);
        long[][] lists = new long[search.keys][0];
        return search.place(lists, new boolean[search.committed.size()], 0);
    }

    private boolean place(long[][] lists, boolean[] placed, int count) {
        if (count == committed.size()) {
            return true;
        }
        for (int i = 0; i < committed.size(); i++) {
            if (placed[i]) {
                continue;
            }
            long[][] after = replay(committed.get(i), lists);
            if (after != null) {
                placed[i] = true;
                boolean done = place(after, placed, count + 1);
                placed[i] = false;
                if (done) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The lists after running {@code t} alone on {@code lists}, or null if one of its reads disagrees. */
    private static long[][] replay(Txn t, long[][] lists) {
        long[][] state = lists.clone();
        for (MicroOp op : t.ops()) {
            switch (op) {
                case MicroOp.Append a -> {
                    long[] list = Arrays.copyOf(state[a.key()], state[a.key()].length + 1);
                    list[list.length - 1] = a.value();
                    state[a.key()] = list;
                }
                case MicroOp.Read r -> {
                    if (!Arrays.equals(r.observed(), state[r.key()])) {
                        return null;
                    }
                }
                case MicroOp.Write w -> throw new IllegalArgumentException("list-append only");
            }
        }
        return state;
    }
}
