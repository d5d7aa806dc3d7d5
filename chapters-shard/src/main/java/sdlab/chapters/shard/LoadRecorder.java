package sdlab.chapters.shard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.NodeId;
import sdlab.shard.store.RoutingTable;
import sdlab.shard.store.ShardObserver;

/**
 * What the store did in one run, as its observer hears it: each shard's work in the measured window (overall and per
 * window of {@link #WINDOW_NANOS}), requests served by a shard that does not own the key, refusals, table changes,
 * the data the join moved, and each operation's requests and fan-out. Single-threaded, one per run.
 */
final class LoadRecorder implements ShardObserver {
    static final long WINDOW_NANOS = 100_000_000L;

    private final List<NodeId> shards;
    private final long fromNanos;
    private final long untilNanos;
    final Map<NodeId, long[]> busyNanos = new TreeMap<>();
    final Map<NodeId, long[]> requests = new TreeMap<>();
    final Map<Long, Map<NodeId, Long>> busyByWindow = new TreeMap<>();
    final Map<String, long[]> routedByOp = new TreeMap<>();
    long servedNotOwned;
    String firstNotOwned;
    long staleRejections;
    long splits;
    long joinEpoch = -1;
    long keysMovedOnJoin;
    long bytesMovedOnJoin;
    long keysMovedBySplits;

    /** Counts work of {@code shards} served in {@code [fromNanos, untilNanos)}. */
    LoadRecorder(List<NodeId> shards, long fromNanos, long untilNanos) {
        this.shards = List.copyOf(shards);
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
        shards.forEach(shard -> {
            busyNanos.put(shard, new long[1]);
            requests.put(shard, new long[1]);
        });
    }

    @Override
    public void served(NodeId shard, long epoch, String key, boolean owned, long serviceNanos, long atNanos) {
        if (!owned) {
            servedNotOwned++;
            if (firstNotOwned == null) {
                firstNotOwned = "%s served %s at %.4f s under epoch %d, which gives it to another shard"
                        .formatted(shard, key, atNanos / 1e9, epoch);
            }
        }
        if (atNanos < fromNanos || atNanos >= untilNanos || !busyNanos.containsKey(shard)) {
            return;
        }
        busyNanos.get(shard)[0] += serviceNanos;
        requests.get(shard)[0]++;
        busyByWindow
                .computeIfAbsent((atNanos - fromNanos) / WINDOW_NANOS, w -> new TreeMap<>())
                .merge(shard, serviceNanos, Long::sum);
    }

    @Override
    public void rejectedStale(NodeId shard) {
        staleRejections++;
    }

    @Override
    public void handedOff(NodeId from, NodeId to, long epoch, long keys, long bytes) {
        if (epoch == joinEpoch) {
            keysMovedOnJoin += keys;
            bytesMovedOnJoin += bytes;
        } else {
            keysMovedBySplits += keys;
        }
    }

    @Override
    public void tableChanged(RoutingTable table, String why) {
        if (why.endsWith("joins")) {
            joinEpoch = table.epoch();
        } else {
            splits++;
        }
    }

    @Override
    public void routed(String f, int sent, int shardsAsked, int staleRefusals, int tableFetches) {
        long[] totals = routedByOp.computeIfAbsent(f, k -> new long[3]);
        totals[0]++;
        totals[1] += sent;
        totals[2] += shardsAsked;
    }

    /** The busiest shard's figure over the mean shard's. */
    static double maxOverMean(Map<NodeId, long[]> perShard) {
        long max = perShard.values().stream().mapToLong(v -> v[0]).max().orElse(0);
        double mean = perShard.values().stream().mapToLong(v -> v[0]).average().orElse(0);
        return mean == 0 ? Double.NaN : max / mean;
    }

    /** The busiest shard's work over the mean shard's in each full window, averaged over the windows. */
    double hottestShareByWindow() {
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
