package sdlab.shard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import sdlab.shard.partition.KeyRange;

/**
 * Requests per range since the last report, and a reservoir sample of the keys requested in each (Vitter's algorithm
 * R), so that a load-based split can cut a hot range at its median requested key, as CockroachDB's load-based
 * splitter samples keys. Bounded: {@link #SAMPLE_MAX} keys per range.
 */
final class RangeTraffic {
    static final int SAMPLE_MAX = 32;

    private final Map<String, long[]> requestsByStart = new TreeMap<>();
    private final Map<String, List<String>> samplesByStart = new TreeMap<>();

    void record(KeyRange range, String key, RandomGenerator random) {
        long seen = ++requestsByStart.computeIfAbsent(range.start(), s -> new long[1])[0];
        List<String> sample = samplesByStart.computeIfAbsent(range.start(), s -> new ArrayList<>());
        if (sample.size() < SAMPLE_MAX) {
            sample.add(key);
        } else {
            long slot = random.nextLong(seen);
            if (slot < SAMPLE_MAX) {
                sample.set((int) slot, key);
            }
        }
    }

    long requests(String rangeStart) {
        long[] count = requestsByStart.get(rangeStart);
        return count == null ? 0 : count[0];
    }

    /** The median of the sampled keys of the range, if it lies inside the range after its start. */
    String medianKey(KeyRange range) {
        List<String> sample = samplesByStart.get(range.start());
        if (sample == null || sample.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(sample);
        sorted.sort(null);
        String median = sorted.get(sorted.size() / 2);
        return range.contains(median) && !median.equals(range.start()) ? median : null;
    }

    void reset() {
        requestsByStart.clear();
        samplesByStart.clear();
    }
}
