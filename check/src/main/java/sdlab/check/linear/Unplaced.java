package sdlab.check.linear;

import java.util.ArrayList;
import java.util.List;

/**
 * Which operations could not be placed after a partition's longest linearizable prefix: the
 * first operation (in history order) whose completion the prefix does not include, and every
 * other operation outside the prefix invoked before that completion — the candidates the search
 * had at that point, none of which led anywhere.
 */
final class Unplaced {
    private Unplaced() {}

    /** The unplaced operations' ids, the blocking one first. */
    static List<Integer> after(PartitionHistory history, int[] prefixOps) {
        boolean[] placed = new boolean[history.size()];
        for (int op : prefixOps) {
            placed[op] = true;
        }
        int blocking = -1;
        List<Integer> candidates = new ArrayList<>();
        for (int event : history.events) {
            int op = PartitionHistory.opOf(event);
            if (placed[op]) {
                continue;
            }
            if (!PartitionHistory.isInvocation(event)) {
                blocking = op;
                break;
            }
            candidates.add(op);
        }
        List<Integer> ids = new ArrayList<>();
        if (blocking >= 0) {
            ids.add(history.ops[blocking].id());
        }
        for (int op : candidates) {
            if (op != blocking) {
                ids.add(history.ops[op].id());
            }
        }
        return ids;
    }
}
