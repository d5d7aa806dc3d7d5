package sdlab.chapters.shard.hotspots;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardObserver;
import sdlab.shard.store.ShardRouter;

/**
 * What the store did in one run of chapter 16: each shard's work per 100 ms window from the warm-up to the end of the
 * arrivals, splits and the keys they moved, refusals for stale tables and for hot keys. One per run.
 */
final class HotspotRecorder implements ShardObserver {
    static final long WINDOW_NANOS = 100_000_000L;

    private final List<NodeId> shards;
    private final long fromNanos;
    private final long untilNanos;
    private final String hotKey;
    private final Map<Long, Map<NodeId, Long>> busyByWindow = new TreeMap<>();
    /** Requests for the hot key (or its sub-keys) served by shards within the measured window. */
    long hotKeyServed;
    /** Writes of the hot key (or its sub-keys) each shard applied within the measured window. */
    final Map<NodeId, Long> hotKeyWritesByShard = new TreeMap<>();
    /** Gets of the hot key finished by routers, and the requests they sent for them. */
    long hotKeyReads;

    long hotKeyReadRequests;
    /** Operations finished by routers, and the requests they sent for them. */
    long operations;

    long operationRequests;
    /** Gets a read cache answered from an entry, and gets it saw. */
    long cacheHits;

    long cacheReads;
    long splits;
    long keysMoved;
    long staleRefusals;
    long throttled;
    long servedNotOwned;

    HotspotRecorder(List<NodeId> shards, long fromNanos, long untilNanos, String hotKey) {
        this.shards = List.copyOf(shards);
        this.hotKey = hotKey;
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
    }

    @Override
    public void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long atNanos) {
        if (!owned) {
            servedNotOwned++;
        }
        if (atNanos >= fromNanos && atNanos < untilNanos) {
            if (isHot(key)) {
                hotKeyServed++;
            }
            busyByWindow
                    .computeIfAbsent((atNanos - fromNanos) / WINDOW_NANOS, w -> new TreeMap<>())
                    .merge(shard, serviceNanos, Long::sum);
        }
    }

    /** The hot key itself or one of its salted sub-keys. */
    private boolean isHot(String key) {
        return key != null && (key.equals(hotKey) || key.startsWith(hotKey + "#"));
    }

    @Override
    public void wrote(NodeId shard, String key, long atNanos) {
        if (isHot(key) && atNanos >= fromNanos && atNanos < untilNanos) {
            hotKeyWritesByShard.merge(shard, 1L, Long::sum);
        }
    }

    /** The share of the hot key's writes that the shard taking most of them took; NaN if there were none. */
    double hotWritesOnBusiestShard() {
        long total =
                hotKeyWritesByShard.values().stream().mapToLong(Long::longValue).sum();
        long most = hotKeyWritesByShard.values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        return total == 0 ? Double.NaN : (double) most / total;
    }

    @Override
    public void cacheRead(NodeId cache, String key, boolean hit) {
        cacheReads++;
        if (hit) {
            cacheHits++;
        }
    }

    @Override
    public void routed(String f, String key, int requests, int shardsAsked, int staleRejections, int tableFetches) {
        operations++;
        operationRequests += requests;
        if (ShardRouter.GET.equals(f) && hotKey.equals(key)) {
            hotKeyReads++;
            hotKeyReadRequests += requests;
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
