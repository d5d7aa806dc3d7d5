package sdlab.shard.hot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The space-saving top-k summary (Metwally, Agrawal and El Abbadi, 2005): {@code capacity} counters find every key
 * that takes more than {@code 1/capacity} of the stream, in bounded memory, online. A key not yet counted takes over
 * the smallest counter and inherits its count as possible overcount ({@code error}), so a count is never below the
 * key's true count and never more than {@code error} above it.
 *
 * <p>Memory is bounded by {@code capacity}; the eviction scans the counters, fine for the small capacities (tens) a
 * shard keeps.
 */
public final class SpaceSaving {
    private final int capacity;
    private final Map<String, long[]> counters = new LinkedHashMap<>();
    private long total;

    /** A key's estimated count and how much of it may be overcount. */
    public record Estimate(String key, long count, long error) {
        /** The least the key can have been seen. */
        public long guaranteed() {
            return count - error;
        }
    }

    public SpaceSaving(int capacity) {
        if (capacity < 1 || capacity > 1024) {
            throw new IllegalArgumentException("space-saving capacity must be in [1, 1024], got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts one occurrence of {@code key}. */
    public void offer(String key) {
        total++;
        long[] counter = counters.get(key);
        if (counter != null) {
            counter[0]++;
            return;
        }
        if (counters.size() < capacity) {
            counters.put(key, new long[] {1, 0});
            return;
        }
        String smallest = null;
        long smallestCount = Long.MAX_VALUE;
        for (Map.Entry<String, long[]> entry : counters.entrySet()) {
            if (entry.getValue()[0] < smallestCount) {
                smallest = entry.getKey();
                smallestCount = entry.getValue()[0];
            }
        }
        counters.remove(smallest);
        counters.put(key, new long[] {smallestCount + 1, smallestCount});
    }

    /** Whether {@code key} holds one of the counters now. */
    public boolean tracks(String key) {
        return counters.containsKey(key);
    }

    /** The least {@code key} can have been seen (its count less its possible overcount), 0 if it is not counted. */
    public long guaranteed(String key) {
        long[] counter = counters.get(key);
        return counter == null ? 0 : counter[0] - counter[1];
    }

    /** Everything offered so far. */
    public long total() {
        return total;
    }

    /** The counted keys, most frequent first (ties by key). */
    public List<Estimate> top() {
        List<Estimate> estimates = new ArrayList<>();
        counters.forEach((key, counter) -> estimates.add(new Estimate(key, counter[0], counter[1])));
        estimates.sort(Comparator.comparingLong(Estimate::count).reversed().thenComparing(Estimate::key));
        return estimates;
    }
}
