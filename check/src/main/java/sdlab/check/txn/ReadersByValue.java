package sdlab.check.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who read each value of each register (null: the initial nil), for the rw edges of an overwrite. */
final class ReadersByValue {
    private final List<Map<Long, List<Integer>>> byKey;

    ReadersByValue(int keys) {
        byKey = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            byKey.add(new HashMap<>());
        }
    }

    void add(int key, Long value, int reader) {
        byKey.get(key).computeIfAbsent(value, v -> new ArrayList<>(2)).add(reader);
    }

    List<Integer> of(int key, Long value) {
        return byKey.get(key).getOrDefault(value, List.of());
    }
}
