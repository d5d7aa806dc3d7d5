package sdlab.core.history;

import java.util.ArrayList;
import java.util.List;

/** A history: operations in the order they were observed. Immutable. */
public record History(List<Op> ops) {
    public History {
        ops = List.copyOf(ops);
    }

    public static History of(List<Op> ops) {
        return new History(ops);
    }

    public int size() {
        return ops.size();
    }

    /** A history with the same operations in the same order, keeping only those of {@code key}. */
    public History forKey(String key) {
        List<Op> kept = new ArrayList<>();
        for (Op op : ops) {
            if (key.equals(op.key())) {
                kept.add(op);
            }
        }
        return new History(kept);
    }
}
