package sdlab.shard.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.shard.partition.KeyRange;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.partition.Rebalancer;
import sdlab.shard.partition.SplitPolicy;
import sdlab.shard.store.ShardMessage.FetchTable;
import sdlab.shard.store.ShardMessage.LoadReport;
import sdlab.shard.store.ShardMessage.RangeLoad;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.TableIs;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * The one authority over the routing table, as HBase's master, TiKV's placement driver or MongoDB's config servers: it
 * answers routers' fetches, splits ranges that grew or got hot from the shards' load reports, and rebalances when a
 * shard joins. Changes go one at a time: the next waits until every shard concerned says the last is in force, so
 * epochs are applied in order and a handoff is never split across two changes.
 */
public final class PlacementNode implements Node {
    private final PlacementSettings settings;
    private final ShardObserver observer;
    private final TreeSet<NodeId> awaitingReady = new TreeSet<>();
    private final Map<NodeId, LoadReport> reports = new TreeMap<>();
    private RoutingTable table;
    private boolean joinDue;

    private record JoinDue() implements Timer {}

    public PlacementNode(RoutingTable table, PlacementSettings settings, ShardObserver observer) {
        this.table = table;
        this.settings = settings;
        this.observer = observer;
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        if (settings.joiner() != null) {
            ctx.setTimer(Duration.ofNanos(settings.joinAtNanos()), new JoinDue());
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case FetchTable fetch -> ctx.send(from, new TableIs(table));
            case LoadReport report -> {
                reports.put(report.shard(), report);
                if (awaitingReady.isEmpty() && report.epoch() == table.epoch()) {
                    if (!splitIfDue(report, ctx)) {
                        mergeIfDue(report, ctx);
                    }
                }
            }
            case Ready ready -> {
                if (ready.epoch() == table.epoch()) {
                    awaitingReady.remove(ready.shard());
                }
                if (awaitingReady.isEmpty() && joinDue) {
                    join(ctx);
                }
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        if (timer instanceof JoinDue) {
            joinDue = true;
            if (awaitingReady.isEmpty()) {
                join(ctx);
            }
        }
    }

    /** The table in force. */
    public RoutingTable table() {
        return table;
    }

    private void join(NodeContext ctx) {
        joinDue = false;
        Map<String, Long> keys = new TreeMap<>();
        reports.values().forEach(report -> keys.putAll(report.keysByRangeStart()));
        publish(
                Rebalancer.withShardAdded(table.partitioner(), settings.joiner(), keys),
                settings.joiner() + " joins",
                ctx);
    }

    /** Splits the first range of the report that is due; true if one was. */
    private boolean splitIfDue(LoadReport report, NodeContext ctx) {
        if (!(table.partitioner() instanceof RangePartitioner ranges)) {
            return false;
        }
        for (RangeLoad load : report.ranges()) {
            Optional<SplitPolicy.Reason> reason = settings.splits().reason(load.keys(), load.requests());
            if (reason.isEmpty() || load.splitKey() == null) {
                continue;
            }
            KeyRange range = ranges.rangeOf(load.start());
            if (!range.start().equals(load.start()) || !range.contains(load.splitKey())) {
                continue;
            }
            RangePartitioner next = ranges.split(load.splitKey());
            NodeId coolest = coolestShard(report.shard());
            if (reason.get() == SplitPolicy.Reason.LOAD && settings.moveLoadSplits() && coolest != null) {
                next = next.reassign(load.splitKey(), coolest);
            }
            publish(next, "split " + range + " at " + load.splitKey() + " for " + reason.get(), ctx);
            return true;
        }
        return false;
    }

    /** Merges the first two neighbouring ranges of the reporting shard that are small and cold together. */
    private void mergeIfDue(LoadReport report, NodeContext ctx) {
        if (!(table.partitioner() instanceof RangePartitioner ranges)) {
            return;
        }
        List<RangeLoad> loads = report.ranges();
        for (int i = 0; i + 1 < loads.size(); i++) {
            RangeLoad low = loads.get(i);
            RangeLoad high = loads.get(i + 1);
            KeyRange range = ranges.rangeOf(low.start());
            boolean neighbours =
                    range.start().equals(low.start()) && high.start().equals(range.end());
            if (neighbours
                    && ranges.rangeOf(high.start()).owner().equals(range.owner())
                    && settings.merges().merges(low.keys() + high.keys(), low.requests() + high.requests())) {
                publish(ranges.merge(low.start()), "merge " + range + " with the range at " + high.start(), ctx);
                return;
            }
        }
    }

    /**
     * The shard other than {@code busy} that served the fewest requests in its last report: any shard that reports,
     * owning ranges or not yet, except one still waiting for its scheduled join.
     */
    private NodeId coolestShard(NodeId busy) {
        return reports.values().stream()
                .filter(r -> !r.shard().equals(busy))
                .filter(r -> !r.shard().equals(settings.joiner())
                        || table.partitioner().shards().contains(r.shard()))
                .min((a, b) -> a.requests() != b.requests()
                        ? Long.compare(a.requests(), b.requests())
                        : a.shard().compareTo(b.shard()))
                .map(LoadReport::shard)
                .orElse(null);
    }

    private void publish(Partitioner next, String why, NodeContext ctx) {
        var previous = table.partitioner().shards();
        table = table.next(next);
        awaitingReady.addAll(previous);
        awaitingReady.addAll(next.shards());
        TableUpdate update = new TableUpdate(table, previous);
        awaitingReady.forEach(shard -> ctx.send(shard, update));
        observer.tableChanged(table, why);
        ctx.note("epoch " + table.epoch() + ": " + why);
    }
}
