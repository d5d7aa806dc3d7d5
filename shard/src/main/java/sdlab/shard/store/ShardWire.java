package sdlab.shard.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.shard.partition.PartitionerSpec;
import sdlab.shard.store.ShardMessage.Aggregate;
import sdlab.shard.store.ShardMessage.AggregateReply;
import sdlab.shard.store.ShardMessage.CachedGet;
import sdlab.shard.store.ShardMessage.ChangeInForce;
import sdlab.shard.store.ShardMessage.ChangeRefused;
import sdlab.shard.store.ShardMessage.Delete;
import sdlab.shard.store.ShardMessage.DeleteReply;
import sdlab.shard.store.ShardMessage.FetchTable;
import sdlab.shard.store.ShardMessage.Get;
import sdlab.shard.store.ShardMessage.GetReply;
import sdlab.shard.store.ShardMessage.Handoff;
import sdlab.shard.store.ShardMessage.HandoffAck;
import sdlab.shard.store.ShardMessage.JoinShard;
import sdlab.shard.store.ShardMessage.LeaveShard;
import sdlab.shard.store.ShardMessage.LoadReport;
import sdlab.shard.store.ShardMessage.Put;
import sdlab.shard.store.ShardMessage.PutReply;
import sdlab.shard.store.ShardMessage.Ready;
import sdlab.shard.store.ShardMessage.Scan;
import sdlab.shard.store.ShardMessage.ScanReply;
import sdlab.shard.store.ShardMessage.StaleEpoch;
import sdlab.shard.store.ShardMessage.TableIs;
import sdlab.shard.store.ShardMessage.TableUpdate;
import sdlab.shard.store.ShardMessage.Throttled;

/**
 * The sharded store's protocol as the real runtime's codec carries it between processes: a sealed family of records
 * of plain values. Most of {@link ShardMessage}'s records are plain already and belong to both families; the four
 * that hold a routing table (whose partitioner is an object with a hash function inside) or a sorted map have a twin
 * here that holds a {@link PartitionerSpec} or a map sent in key order. {@link #toWire} and {@link #fromWire} turn
 * one into the other; nothing else differs, so a real cluster runs the very node classes the simulator runs.
 *
 * <p>Bounds the codec sets: a map of a scan reply or a handoff carries at most 65,536 entries, and a frame at most
 * 16 MiB.
 */
public sealed interface ShardWire extends Message
        permits Get,
                Put,
                Delete,
                Scan,
                Aggregate,
                GetReply,
                CachedGet,
                PutReply,
                DeleteReply,
                AggregateReply,
                StaleEpoch,
                Throttled,
                FetchTable,
                Ready,
                HandoffAck,
                LoadReport,
                JoinShard,
                LeaveShard,
                ChangeInForce,
                ChangeRefused,
                ShardWire.ScanReplyWire,
                ShardWire.TableIsWire,
                ShardWire.TableUpdateWire,
                ShardWire.HandoffWire {

    /** A routing table as values: its epoch and its partitioner's spec. */
    record TableWire(long epoch, PartitionerSpec partitioner) {
        static TableWire of(RoutingTable table) {
            return new TableWire(table.epoch(), PartitionerSpec.of(table.partitioner()));
        }

        RoutingTable table() {
            return new RoutingTable(epoch, partitioner.build());
        }
    }

    /** {@link ScanReply} on the wire. */
    record ScanReplyWire(long requestId, Map<String, Long> entries) implements ShardWire {}

    /** {@link TableIs} on the wire. */
    record TableIsWire(TableWire table) implements ShardWire {}

    /** {@link TableUpdate} on the wire. */
    record TableUpdateWire(TableWire table, List<NodeId> previousShards) implements ShardWire {}

    /** {@link Handoff} on the wire. */
    record HandoffWire(long epoch, NodeId from, Map<String, Long> entries) implements ShardWire {}

    /** {@code message} as the wire carries it. */
    static ShardWire toWire(Message message) {
        return switch (message) {
            case ShardWire plain -> plain;
            case ScanReply reply -> new ScanReplyWire(reply.requestId(), reply.entries());
            case TableIs is -> new TableIsWire(TableWire.of(is.table()));
            case TableUpdate update -> new TableUpdateWire(TableWire.of(update.table()), update.previousShards());
            case Handoff handoff -> new HandoffWire(handoff.epoch(), handoff.from(), handoff.entries());
            default -> throw new IllegalArgumentException("not a message of the sharded store: " + message);
        };
    }

    /** The store's message that {@code wire} carries. */
    static ShardMessage fromWire(Message wire) {
        return switch (wire) {
            case ScanReplyWire reply -> new ScanReply(reply.requestId(), new TreeMap<>(reply.entries()));
            case TableIsWire is -> new TableIs(is.table().table());
            case TableUpdateWire update -> new TableUpdate(update.table().table(), update.previousShards());
            case HandoffWire handoff -> new Handoff(handoff.epoch(), handoff.from(), new TreeMap<>(handoff.entries()));
            case ShardMessage plain -> plain;
            default -> throw new IllegalArgumentException("not a message of the sharded store: " + wire);
        };
    }
}
