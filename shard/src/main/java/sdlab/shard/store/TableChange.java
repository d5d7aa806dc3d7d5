package sdlab.shard.store;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.shard.partition.KeyRange;
import sdlab.shard.partition.RangePartitioner;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.TableUpdate;

/**
 * One shard's side of a change of table: what it hands away, which handoffs it still waits for, and the handoffs that
 * arrived before the table did (another shard may apply a table first and send its handoff sooner than the placement
 * node's update reaches this one).
 */
final class TableChange {
    private final ShardSettings settings;
    private final ShardObserver observer;
    private final TreeSet<NodeId> awaited = new TreeSet<>();
    private final Map<Long, Map<NodeId, Handoff>> early = new TreeMap<>();
    private long readyEpoch = -1;
    private boolean inProgress;
    /** What the handoffs of the change in progress brought in: the data it moved here. */
    private long entriesReceived;

    private long bytesReceived;

    TableChange(ShardSettings settings, ShardObserver observer) {
        this.settings = settings;
        this.observer = observer;
    }

    boolean inProgress() {
        return inProgress;
    }

    /** Hands away what {@code update}'s table gives to others and starts waiting for what it gives to this shard. */
    void begin(TableUpdate update, TreeMap<String, Long> data, NodeContext ctx) {
        NodeId self = ctx.self();
        RoutingTable table = update.table();
        var newShards = table.partitioner().shards();
        if (update.previousShards().contains(self)) {
            handAway(table, data, ctx);
        }
        awaited.clear();
        entriesReceived = 0;
        bytesReceived = 0;
        if (newShards.contains(self)) {
            update.previousShards().stream().filter(s -> !s.equals(self)).forEach(awaited::add);
        }
        inProgress = true;
        Map<NodeId, Handoff> arrived = early.remove(table.epoch());
        if (arrived != null) {
            arrived.values().forEach(handoff -> accept(handoff, data));
        }
        early.keySet().removeIf(epoch -> epoch < table.epoch());
    }

    private void handAway(RoutingTable table, TreeMap<String, Long> data, NodeContext ctx) {
        Map<NodeId, SortedMap<String, Long>> lost = new TreeMap<>();
        for (NodeId shard : table.partitioner().shards()) {
            if (!shard.equals(ctx.self())) {
                lost.put(shard, new TreeMap<>());
            }
        }
        if (table.partitioner() instanceof RangePartitioner ranges) {
            // Only the ranges others own can hold what this shard loses: a split or a move touches a few of them,
            // and the rest of the data need not be looked at.
            for (KeyRange range : ranges.ranges()) {
                if (!range.owner().equals(ctx.self())) {
                    SortedMap<String, Long> gone =
                            range.end() == null ? data.tailMap(range.start()) : data.subMap(range.start(), range.end());
                    lost.get(range.owner()).putAll(gone);
                    gone.clear();
                }
            }
        } else {
            var entries = data.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                NodeId owner = table.partitioner().ownerOf(entry.getKey());
                if (!owner.equals(ctx.self())) {
                    lost.get(owner).put(entry.getKey(), entry.getValue());
                    entries.remove();
                }
            }
        }
        lost.forEach((to, moved) -> {
            if (!moved.isEmpty()) {
                long bytes =
                        moved.keySet().stream().mapToLong(settings::entryBytes).sum();
                observer.handedOff(ctx.self(), to, table.epoch(), moved.size(), bytes);
            }
            ctx.send(to, new Handoff(table.epoch(), ctx.self(), moved));
        });
    }

    /** Takes in a handoff for the current epoch, or keeps one for a later epoch until that table arrives. */
    void receive(Handoff handoff, long currentEpoch, Map<String, Long> data) {
        if (handoff.epoch() > currentEpoch) {
            early.computeIfAbsent(handoff.epoch(), e -> new TreeMap<>()).put(handoff.from(), handoff);
        } else if (handoff.epoch() == currentEpoch && inProgress) {
            accept(handoff, data);
        }
    }

    private void accept(Handoff handoff, Map<String, Long> data) {
        if (awaited.remove(handoff.from())) {
            data.putAll(handoff.entries());
            entriesReceived += handoff.entries().size();
            bytesReceived += handoff.entries().keySet().stream()
                    .mapToLong(settings::entryBytes)
                    .sum();
        }
    }

    /** True, once, when every handoff of {@code epoch} has arrived; then tells the placement node so. */
    boolean completeAt(long epoch, NodeContext ctx) {
        if (!inProgress || !awaited.isEmpty() || readyEpoch == epoch) {
            return false;
        }
        inProgress = false;
        readyEpoch = epoch;
        ctx.send(settings.placement(), new Ready(epoch, ctx.self(), entriesReceived, bytesReceived));
        return true;
    }
}
