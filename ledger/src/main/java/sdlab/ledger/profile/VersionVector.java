package sdlab.ledger.profile;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A version vector: for each replica, how many of its writes a version has seen. Comparing two says whether one
 * version descends from the other or whether they were written concurrently, without any clock.
 */
public record VersionVector(SortedMap<String, Long> counters) {
    /** Bytes one entry costs on the wire: a replica id of a few bytes and an 8-byte counter. */
    static final int ENTRY_BYTES = 10;

    /** How two versions relate. */
    public enum Order {
        BEFORE,
        AFTER,
        EQUAL,
        CONCURRENT
    }

    public VersionVector {
        counters = Collections.unmodifiableSortedMap(new TreeMap<>(counters));
    }

    public static VersionVector empty() {
        return new VersionVector(new TreeMap<>());
    }

    public long get(String replica) {
        return counters.getOrDefault(replica, 0L);
    }

    /** This vector with {@code replica}'s counter set to {@code value}. */
    public VersionVector with(String replica, long value) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        next.put(replica, value);
        return new VersionVector(next);
    }

    /** The entry-wise maximum: a version that has seen everything either has seen. */
    public VersionVector join(VersionVector other) {
        TreeMap<String, Long> next = new TreeMap<>(counters);
        other.counters.forEach((replica, count) -> next.merge(replica, count, Math::max));
        return new VersionVector(next);
    }

    /** Whether this vector has seen the write {@code (replica, counter)}. */
    public boolean covers(String replica, long counter) {
        return get(replica) >= counter;
    }

    /**
     * How this version relates to {@code other}. With {@link ProfileConfig.Bug#CONCURRENT_AS_DOMINATED} two concurrent
     * versions are ordered by the sum of their counters instead, the plausible shortcut that makes one of them look
     * older and lets it be dropped silently.
     */
    public Order compare(VersionVector other, ProfileConfig.Bug bug) {
        boolean someGreater = false;
        boolean someLess = false;
        for (String replica : union(other)) {
            long mine = get(replica);
            long theirs = other.get(replica);
            someGreater |= mine > theirs;
            someLess |= mine < theirs;
        }
        if (someGreater && someLess) {
            if (bug == ProfileConfig.Bug.CONCURRENT_AS_DOMINATED) {
                int bySum = Long.compare(sum(), other.sum());
                int order = bySum != 0 ? bySum : toString().compareTo(other.toString());
                return order >= 0 ? Order.AFTER : Order.BEFORE;
            }
            return Order.CONCURRENT;
        }
        return someGreater ? Order.AFTER : someLess ? Order.BEFORE : Order.EQUAL;
    }

    long metadataBytes() {
        return (long) counters.size() * ENTRY_BYTES;
    }

    private long sum() {
        return counters.values().stream().mapToLong(Long::longValue).sum();
    }

    private Set<String> union(VersionVector other) {
        TreeSet<String> all = new TreeSet<>(counters.keySet());
        all.addAll(other.counters.keySet());
        return all;
    }

    @Override
    public String toString() {
        return counters.toString();
    }
}
