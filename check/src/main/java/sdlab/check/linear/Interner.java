package sdlab.check.linear;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct values a state machine meets, so that states are longs: equal values get
 * equal numbers, and numbers are handed out 0, 1, 2, ... in order of first sight.
 */
final class Interner<T> {
    private final Map<T, Long> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();

    long id(T value) {
        Long id = ids.get(value);
        if (id != null) {
            return id;
        }
        long fresh = values.size();
        ids.put(value, fresh);
        values.add(value);
        return fresh;
    }

    T value(long id) {
        return values.get((int) id);
    }
}
