package sdlab.shard.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import sdlab.core.NodeId;

/**
 * Range partitioning: the key space cut into contiguous ranges in key order, each owned by one shard, as HBase regions
 * and CockroachDB ranges. Neighbouring keys live together, so a scan asks only the ranges it covers; and keys that
 * arrive in order (time-ordered ids) all land in the last range. Ranges split in two ({@link #split}) when they grow
 * or get hot, merge ({@link #merge}) when they shrink, and move between shards ({@link #reassign}); each is a new,
 * immutable partitioner.
 *
 * <p>Invariant: the ranges are sorted, the first starts at "", each ends where the next starts, the last is unbounded.
 */
public final class RangePartitioner implements Partitioner {
    private final List<KeyRange> ranges;
    private final String[] starts;

    public RangePartitioner(List<KeyRange> ranges) {
        this.ranges = List.copyOf(ranges);
        if (this.ranges.isEmpty()
                || !this.ranges.getFirst().start().isEmpty()
                || this.ranges.getLast().end() != null) {
            throw new IllegalArgumentException("ranges must cover every key, from \"\" to no end: " + ranges);
        }
        for (int i = 1; i < this.ranges.size(); i++) {
            if (!this.ranges.get(i).start().equals(this.ranges.get(i - 1).end())) {
                throw new IllegalArgumentException("ranges must be contiguous and sorted: " + ranges);
            }
        }
        this.starts = this.ranges.stream().map(KeyRange::start).toArray(String[]::new);
    }

    /** One range over every key, owned by {@code shard}: where a new table starts, as a fresh CockroachDB cluster. */
    public static RangePartitioner single(NodeId shard) {
        return new RangePartitioner(List.of(new KeyRange("", null, shard)));
    }

    /**
     * Ranges cut at {@code splitKeys} (sorted, distinct, non-empty strings), owned in turn by {@code shards}: range i
     * goes to shard {@code i mod shards.size()}.
     */
    public static RangePartitioner cutAt(List<String> splitKeys, List<NodeId> shards) {
        List<KeyRange> ranges = new ArrayList<>();
        String start = "";
        for (int i = 0; i <= splitKeys.size(); i++) {
            String end = i < splitKeys.size() ? splitKeys.get(i) : null;
            ranges.add(new KeyRange(start, end, shards.get(i % shards.size())));
            start = end;
        }
        return new RangePartitioner(ranges);
    }

    @Override
    public NodeId ownerOf(String key) {
        return rangeOf(key).owner();
    }

    /** The range that holds {@code key}. */
    public KeyRange rangeOf(String key) {
        return ranges.get(indexOf(key));
    }

    @Override
    public List<NodeId> shards() {
        return List.copyOf(new TreeSet<>(ranges.stream().map(KeyRange::owner).toList()));
    }

    @Override
    public List<NodeId> shardsForScan(String fromKey, String toKey) {
        TreeSet<NodeId> owners = new TreeSet<>();
        for (int i = indexOf(fromKey); i < ranges.size() && ranges.get(i).overlaps(fromKey, toKey); i++) {
            owners.add(ranges.get(i).owner());
        }
        return List.copyOf(owners);
    }

    /** The ranges in key order. */
    public List<KeyRange> ranges() {
        return ranges;
    }

    /** The range holding {@code at} cut in two at {@code at}; both halves stay with its owner. */
    public RangePartitioner split(String at) {
        int index = indexOf(at);
        KeyRange range = ranges.get(index);
        if (range.start().equals(at)) {
            throw new IllegalArgumentException("a split key must fall inside a range, not at its start: " + at);
        }
        List<KeyRange> next = new ArrayList<>(ranges);
        next.set(index, new KeyRange(range.start(), at, range.owner()));
        next.add(index + 1, new KeyRange(at, range.end(), range.owner()));
        return new RangePartitioner(next);
    }

    /** The range starting at {@code start} joined with the one after it, owned by the first one's owner. */
    public RangePartitioner merge(String start) {
        int index = indexOfStart(start);
        if (index == ranges.size() - 1) {
            throw new IllegalArgumentException("the last range has no successor to merge with: " + start);
        }
        KeyRange low = ranges.get(index);
        List<KeyRange> next = new ArrayList<>(ranges);
        next.set(index, new KeyRange(low.start(), ranges.get(index + 1).end(), low.owner()));
        next.remove(index + 1);
        return new RangePartitioner(next);
    }

    /** The range starting at {@code start} handed to {@code owner}. */
    public RangePartitioner reassign(String start, NodeId owner) {
        int index = indexOfStart(start);
        List<KeyRange> next = new ArrayList<>(ranges);
        next.set(index, ranges.get(index).ownedBy(owner));
        return new RangePartitioner(next);
    }

    private int indexOf(String key) {
        int found = Arrays.binarySearch(starts, key);
        // Not found gives -(insertion point) - 1; the range is the one before the insertion point.
        return found >= 0 ? found : -found - 2;
    }

    private int indexOfStart(String start) {
        int found = Arrays.binarySearch(starts, start);
        if (found < 0) {
            throw new IllegalArgumentException("no range starts at " + start);
        }
        return found;
    }

    @Override
    public String describe() {
        return "ranges, " + ranges.size() + " over " + shards().size() + " shards";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RangePartitioner that && ranges.equals(that.ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return Collections.unmodifiableList(ranges).toString();
    }
}
