package sdlab.chapters.shard.hotspots;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardObserver;

/**
 * What the store did in one run of chapter 16: each shard's work per 100 ms window from the warm-up to the end of the
 * arrivals, splits and the keys they moved, refusals for stale tables and for hot keys. One per run.
 */
final class HotspotRecorder implements ShardObserver {
    static final long WINDOW_NANOS = 100_000_000L;

    private final List<NodeId> shards;
    private final long fromNanos;
    private final long untilNanos;
    private final Map<Long, Map<NodeId, Long>> busyByWindow = new TreeMap<>();
    long splits;
    long keysMoved;
    long staleRefusals;
    long throttled;
    long servedNotOwned;

    HotspotRecorder(List<NodeId> shards, long fromNanos, long untilNanos) {
        this.shards = List.copyOf(shards);
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
    }

    @Override
    public void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long atNanos) {
        if (!owned) {
            servedNotOwned++;
        }
        if (atNanos >= fromNanos && atNanos < untilNanos) {
            busyByWindow
                    .computeIfAbsent((atNanos - fromNanos) / WINDOW_NANOS, w -> new TreeMap<>())
                    .merge(shard, serviceNanos, Long::sum);
        }
    }

    @Override
    public void throttled(NodeId shard, String key) {
        throttled++;
    }

    @Override
    public void rejectedStale(NodeId shard) {
        staleRefusals++;
    }

    @Override
    public void handedOff(NodeId from, NodeId to, long epoch, long keys, long bytes) {
        keysMoved += keys;
    }

    @Override
    public void tableChanged(RoutingTable table, String why) {
        splits++;
    }

    /** The busiest shard's work over the mean shard's in each window, averaged over the windows. */
    double hottestOverMean() {
        double total = 0;
        int windows = 0;
        for (Map<NodeId, Long> window : busyByWindow.values()) {
            long max = 0;
            long sum = 0;
            for (NodeId shard : shards) {
                long busy = window.getOrDefault(shard, 0L);
                max = Math.max(max, busy);
                sum += busy;
            }
            if (sum > 0) {
                total += max / ((double) sum / shards.size());
                windows++;
            }
        }
        return windows == 0 ? Double.NaN : total / windows;
    }
}
