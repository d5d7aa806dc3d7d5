package sdlab.shard.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
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
 *
 * <p>Handoffs are retained until acknowledged: the entries a new table gives away leave the shard's data at once (it
 * no longer owns them, so it must not serve them), but a copy of each handoff is kept, and sent again on the shard's
 * resend timer, until the receiver says it took it in. The receiver takes in a handoff once (the first copy whose
 * sender it still awaits) and acknowledges every copy, so a duplicate neither applies twice nor brings back an entry
 * written or overwritten since. Pure bookkeeping: the shard node does the sending and the logging.
 */
final class TableChange {
    private final ShardSettings settings;
    private final TreeSet<NodeId> awaited = new TreeSet<>();
    private final Map<Long, Map<NodeId, Handoff>> early = new TreeMap<>();
    /** Handoffs sent and not yet acknowledged, by epoch and receiver. */
    private final TreeMap<Long, TreeMap<NodeId, Handoff>> retained = new TreeMap<>();

    private long readyEpoch = -1;
    private boolean inProgress;
    /** What the handoffs of the change in progress brought in: the data it moved here. */
    private long entriesReceived;

    private long bytesReceived;

    /** What became of a handoff that arrived. */
    enum Arrival {
        /** Taken in now: apply its entries, log it, then acknowledge. */
        TAKEN,
        /** Taken in before (or for an epoch that is over): acknowledge again, change nothing. */
        DUPLICATE,
        /** For a table not here yet: kept, and taken in (and acknowledged) when the table comes. */
        EARLY
    }

    TableChange(ShardSettings settings) {
        this.settings = settings;
    }

    boolean inProgress() {
        return inProgress;
    }

    /** Whether some handoff still waits for its acknowledgement. */
    boolean retainsHandoffs() {
        return !retained.isEmpty();
    }

    /**
     * Takes out of {@code data} what {@code update}'s table gives to others, retains it as handoffs (returned by
     * receiver, to be sent), and starts waiting for what it gives to {@code self}. Handoffs that came early are not taken in here:
     * {@link #takeEarly} returns them, so the node logs each as it takes it in.
     */
    Map<NodeId, Handoff> begin(TableUpdate update, NodeId self, TreeMap<String, Long> data) {
        RoutingTable table = update.table();
        Map<NodeId, Handoff> handoffs = update.previousShards().contains(self) ? handAway(table, self, data) : Map.of();
        if (!handoffs.isEmpty()) {
            retained.put(table.epoch(), new TreeMap<>(handoffs));
        }
        awaited.clear();
        entriesReceived = 0;
        bytesReceived = 0;
        if (table.partitioner().shards().contains(self)) {
            update.previousShards().stream().filter(s -> !s.equals(self)).forEach(awaited::add);
        }
        inProgress = true;
        return handoffs;
    }

    /** The handoffs of {@code epoch} that came before its table, now to be taken in. */
    List<Handoff> takeEarly(long epoch) {
        Map<NodeId, Handoff> arrived = early.remove(epoch);
        early.keySet().removeIf(e -> e < epoch);
        return arrived == null ? List.of() : new ArrayList<>(arrived.values());
    }

    private Map<NodeId, Handoff> handAway(RoutingTable table, NodeId self, TreeMap<String, Long> data) {
        Map<NodeId, SortedMap<String, Long>> lost = new TreeMap<>();
        for (NodeId shard : table.partitioner().shards()) {
            if (!shard.equals(self)) {
                lost.put(shard, new TreeMap<>());
            }
        }
        if (table.partitioner() instanceof RangePartitioner ranges) {
            // Only the ranges others own can hold what this shard loses: a split or a move touches a few of them,
            // and the rest of the data need not be looked at.
            for (KeyRange range : ranges.ranges()) {
                if (!range.owner().equals(self)) {
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
                if (!owner.equals(self)) {
                    lost.get(owner).put(entry.getKey(), entry.getValue());
                    entries.remove();
                }
            }
        }
        Map<NodeId, Handoff> handoffs = new TreeMap<>();
        lost.forEach((to, moved) -> handoffs.put(to, new Handoff(table.epoch(), self, moved)));
        return handoffs;
    }

    /** What to do with {@code handoff}, arriving while {@code currentEpoch}'s table is here. */
    Arrival arrive(Handoff handoff, long currentEpoch) {
        if (handoff.epoch() > currentEpoch) {
            early.computeIfAbsent(handoff.epoch(), e -> new TreeMap<>()).put(handoff.from(), handoff);
            return Arrival.EARLY;
        }
        if (handoff.epoch() == currentEpoch && inProgress && awaited.contains(handoff.from())) {
            return Arrival.TAKEN;
        }
        // An older epoch's handoffs were all taken in before this shard said Ready for it, and no newer table
        // comes before every Ready of the older one: a copy of one now is a duplicate.
        return Arrival.DUPLICATE;
    }

    /** Applies a handoff that {@link #arrive} said is taken, or that recovery replays. */
    void take(Handoff handoff, Map<String, Long> data) {
        if (awaited.remove(handoff.from())) {
            data.putAll(handoff.entries());
            entriesReceived += handoff.entries().size();
            bytesReceived += handoff.entries().keySet().stream()
                    .mapToLong(settings::entryBytes)
                    .sum();
        }
    }

    /** {@code to} acknowledged the handoff of {@code epoch}; true if a retained copy is gone now. */
    boolean acknowledged(long epoch, NodeId to) {
        TreeMap<NodeId, Handoff> ofEpoch = retained.get(epoch);
        if (ofEpoch == null || ofEpoch.remove(to) == null) {
            return false;
        }
        if (ofEpoch.isEmpty()) {
            retained.remove(epoch);
        }
        return true;
    }

    /** Every handoff still waiting for its acknowledgement, with its receiver. */
    Map<NodeId, List<Handoff>> unacknowledged() {
        Map<NodeId, List<Handoff>> byReceiver = new TreeMap<>();
        retained.values()
                .forEach(ofEpoch -> ofEpoch.forEach((to, handoff) ->
                        byReceiver.computeIfAbsent(to, t -> new ArrayList<>()).add(handoff)));
        return byReceiver;
    }

    /** Once every handoff of {@code epoch} has arrived: the {@link Ready} to send, else null. Once only. */
    Ready completeAt(long epoch, NodeId self) {
        if (!inProgress || !awaited.isEmpty() || readyEpoch == epoch) {
            return null;
        }
        inProgress = false;
        readyEpoch = epoch;
        return readyFor(epoch, self);
    }

    /** The {@link Ready} to send again when the placement node repeats {@code epoch}'s update; null if not ready. */
    Ready readyAgain(long epoch, NodeId self) {
        return !inProgress && readyEpoch == epoch ? readyFor(epoch, self) : null;
    }

    /** After recovery from a compacted log: the table in force is complete. */
    void readyAt(long epoch) {
        inProgress = false;
        readyEpoch = epoch;
    }

    private Ready readyFor(long epoch, NodeId self) {
        return new Ready(epoch, self, entriesReceived, bytesReceived);
    }
}
