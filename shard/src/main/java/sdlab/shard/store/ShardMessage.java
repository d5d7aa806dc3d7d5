package sdlab.shard.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * The sharded store's protocol in one place: routers ask shards, shards answer or say the router's table is stale;
 * routers fetch tables from the placement node; the placement node publishes new tables, shards hand data to each
 * other, report their load and say when a new table is in force.
 */
public sealed interface ShardMessage extends Message {

    /** What a router asks a shard, made with the router's table's epoch. */
    sealed interface Request extends ShardMessage {
        long requestId();

        long epoch();
    }

    /** The value of {@code key}, or null. */
    record Get(long requestId, long epoch, String key) implements Request, ShardWire {}

    /** Sets {@code key} to {@code value}. */
    record Put(long requestId, long epoch, String key, long value) implements Request, ShardWire {}

    /** Removes {@code key}, if the shard holds it. */
    record Delete(long requestId, long epoch, String key) implements Request, ShardWire {}

    /** Every entry of {@code [fromKey, toKey)} the shard owns. */
    record Scan(long requestId, long epoch, String fromKey, String toKey) implements Request, ShardWire {}

    /** How many entries the shard owns and their values' sum: one leg of a scatter-gather aggregate. */
    record Aggregate(long requestId, long epoch) implements Request, ShardWire {}

    /**
     * A get's answer, with the requests waiting in the shard's queue when it was sent: routers that balance reads over
     * replicas pick by it.
     */
    record GetReply(long requestId, Long value, int queueDepth) implements ShardMessage, ShardWire {
        /** An answer that says nothing of the queue. */
        public GetReply(long requestId, Long value) {
            this(requestId, value, 0);
        }
    }

    /**
     * A router asks a read cache for {@code key}, which {@code shard} owns under the router's table of {@code epoch}:
     * the cache answers from its entry or forwards a {@link Get} (one per key in flight) and relays the answer.
     */
    record CachedGet(long requestId, long epoch, String key, NodeId shard) implements ShardMessage, ShardWire {}

    /** A put is applied. */
    record PutReply(long requestId) implements ShardMessage, ShardWire {}

    /**
     * A read cache asks a shard to tell it of every write the shard applies from now on, as a database's commit log
     * feeds a cache tier's invalidations. The shard keeps the watcher in memory only: a restarted shard forgets it,
     * and the cache's TTL is then the only bound on a stale entry.
     */
    record WatchWrites() implements ShardMessage {}

    /** The shard sends {@link Invalidate} for every write it applies after this. */
    record WatchingWrites() implements ShardMessage {}

    /** The shard applied a write (a put or a delete) of {@code key}: a cache drops its entry. */
    record Invalidate(String key) implements ShardMessage {}

    /** A delete is applied; {@code existed} says whether the key was there to remove. */
    record DeleteReply(long requestId, boolean existed) implements ShardMessage, ShardWire {}

    /** A scan's entries from one shard. */
    record ScanReply(long requestId, SortedMap<String, Long> entries) implements ShardMessage {
        public ScanReply {
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        /** A trace line names the entries' count and bounds, not every entry. */
        @Override
        public String toString() {
            return "ScanReply[requestId=" + requestId + ", " + describe(entries) + "]";
        }
    }

    /** One shard's part of an aggregate. */
    record AggregateReply(long requestId, long count, long sum) implements ShardMessage, ShardWire {}

    /** The request was made with an older table than the shard's, whose epoch is {@code epoch}: refresh and retry. */
    record StaleEpoch(long requestId, long epoch) implements ShardMessage, ShardWire {}

    /** The request's key is hot and over its rate: refused, not applied. */
    record Throttled(long requestId) implements ShardMessage, ShardWire {}

    /** "3 entries u1..u7", or "no entries". */
    private static String describe(SortedMap<String, Long> entries) {
        return entries.isEmpty()
                ? "no entries"
                : entries.size() + " entries " + entries.firstKey() + ".." + entries.lastKey();
    }

    /** A router asks the placement node for the current table. */
    record FetchTable() implements ShardMessage, ShardWire {}

    /** The placement node's current table. */
    record TableIs(RoutingTable table) implements ShardMessage {}

    /**
     * A new table is in force; {@code previousShards} held data under the one before, so each of them hands every
     * other shard of the new table what it lost to it (possibly nothing), and each new-table shard waits for all of
     * them.
     */
    record TableUpdate(RoutingTable table, List<NodeId> previousShards) implements ShardMessage {
        public TableUpdate {
            previousShards = List.copyOf(previousShards);
        }
    }

    /** The entries {@code from} gave up to the receiver when {@code epoch} came in force. */
    record Handoff(long epoch, NodeId from, SortedMap<String, Long> entries) implements ShardMessage {
        public Handoff {
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        /** A trace line names the entries' count and bounds: a join hands over thousands. */
        @Override
        public String toString() {
            return "Handoff[epoch=" + epoch + ", from=" + from + ", " + describe(entries) + "]";
        }
    }

    /**
     * {@code shard} has taken in (and, if durable, synced) the handoff the addressee sent it for {@code epoch}, or had
     * taken it in already: the sender may forget its retained copy and stop resending. Sent for every copy that
     * arrives, duplicates included, since the acknowledgement of the first may be the one that was lost.
     */
    record HandoffAck(long epoch, NodeId shard) implements ShardMessage, ShardWire {}

    /**
     * {@code shard} has everything it owns under {@code epoch}; the handoffs it took in for it held {@code
     * entriesReceived} entries of {@code bytesReceived} bytes: what the change moved to it.
     */
    record Ready(long epoch, NodeId shard, long entriesReceived, long bytesReceived)
            implements ShardMessage, ShardWire {}

    /** An operator asks the placement node to add {@code shard} to the table: the keys it takes move to it. */
    record JoinShard(NodeId shard) implements ShardMessage, ShardWire {}

    /** An operator asks the placement node to take {@code shard} out of the table: its keys move to the others. */
    record LeaveShard(NodeId shard) implements ShardMessage, ShardWire {}

    /**
     * An operator's change is in force: every shard concerned said {@link Ready} for {@code epoch}.
     *
     * @param change what changed, as the placement node's note says it ("n5 joins")
     * @param entriesMoved entries the handoffs of the change carried, as the receiving shards counted them
     * @param bytesMoved their bytes (keys' bytes plus the value size each)
     * @param nanosTaken from the change's publication to the last shard's {@link Ready}, on the placement node's clock
     */
    record ChangeInForce(long epoch, String change, long entriesMoved, long bytesMoved, long nanosTaken)
            implements ShardMessage, ShardWire {}

    /** An operator's change cannot be made ({@code n9} is no node, or is already a shard); nothing changed. */
    record ChangeRefused(String reason) implements ShardMessage, ShardWire {}

    /**
     * A shard's load since its last report: requests served and keys held, in all and per range it owns (empty for
     * hash partitioning).
     */
    record LoadReport(long epoch, NodeId shard, long keys, long requests, List<RangeLoad> ranges)
            implements ShardMessage, ShardWire {
        public LoadReport {
            ranges = List.copyOf(ranges);
        }

        /** Keys per range start, for the rebalancer. */
        public Map<String, Long> keysByRangeStart() {
            Map<String, Long> keys = new TreeMap<>();
            ranges.forEach(range -> keys.put(range.start(), range.keys()));
            return keys;
        }
    }

    /**
     * One range's figures in a report.
     *
     * @param start the range's start key
     * @param keys keys it holds
     * @param requests requests it served since the last report
     * @param splitKey where a load-based split would cut it (the median key requested), or null if there is none
     */
    record RangeLoad(String start, long keys, long requests, String splitKey) {}
}
