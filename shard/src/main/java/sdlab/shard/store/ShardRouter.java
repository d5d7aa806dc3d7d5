package sdlab.shard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.core.client.Client;
import sdlab.core.client.ClientContext;
import sdlab.core.client.Invocation;
import sdlab.core.client.Outcome;
import sdlab.shard.hot.ReplicaPicker;
import sdlab.shard.store.ShardMessage.Aggregate;
import sdlab.shard.store.ShardMessage.AggregateReply;
import sdlab.shard.store.ShardMessage.CachedGet;
import sdlab.shard.store.ShardMessage.Delete;
import sdlab.shard.store.ShardMessage.DeleteReply;
import sdlab.shard.store.ShardMessage.FetchTable;
import sdlab.shard.store.ShardMessage.Get;
import sdlab.shard.store.ShardMessage.GetReply;
import sdlab.shard.store.ShardMessage.Put;
import sdlab.shard.store.ShardMessage.PutReply;
import sdlab.shard.store.ShardMessage.Scan;
import sdlab.shard.store.ShardMessage.ScanReply;
import sdlab.shard.store.ShardMessage.StaleEpoch;
import sdlab.shard.store.ShardMessage.TableIs;
import sdlab.shard.store.ShardMessage.Throttled;

/**
 * A client-side router (MongoDB's mongos, a smart client): it caches the routing table, sends each operation to the
 * shards the table names and gathers their answers; when a shard says its table is stale it fetches the current one
 * and retries the whole operation.
 *
 * <p>Operations: {@link #GET} and {@link #PUT} go to the key's owner, and {@link #DEL}, which returns 1 if the key
 * was there (0 if not); {@link #SCAN} of {@code [key, value)} to the
 * shards {@link sdlab.shard.partition.Partitioner#shardsForScan} names, returning how many entries it found; {@link
 * #RANGE} as a scan, returning the entries themselves (a sorted map), for a user who wants to see them; {@link
 * #COUNT} to every shard, returning {@code [count, sum]}. One operation at a time, as a workload process runs them.
 *
 * <p>Three hot-key remedies live here, each off unless its settings ask for it: a salted key is written to one random
 * sub-key and read by gathering every sub-key, answering the largest value; gets go through a read cache when one is
 * named; with copies per shard, writes go to every copy and a read to the one the {@link ReplicaPicker} picks.
 */
public final class ShardRouter implements Client {
    public static final String GET = "get";
    public static final String PUT = "put";
    public static final String DEL = "del";
    public static final String SCAN = "scan";
    public static final String RANGE = "range";
    public static final String COUNT = "count";

    /** Attempts per operation: each follows a refresh, and a table changes a handful of times per run. */
    static final int ATTEMPTS_MAX = 16;

    private final RouterSettings settings;
    private final ShardObserver observer;
    private final Map<Long, NodeId> awaiting = new TreeMap<>();
    private final ReplicaPicker picker;
    private RoutingTable table;
    private Invocation current;
    private TimerId timeout;
    private long nextRequestId;
    private boolean fetching;
    private int attempts;
    private int requests;
    private int rejections;
    private int fetches;
    private int fanOut;
    private long found;
    private long sum;
    private Long largest;
    /** A range operation's entries gathered so far; empty for every other operation. */
    private final TreeMap<String, Long> entries = new TreeMap<>();

    private record Deadline(long opId) implements Timer {}

    /** One request of an operation's attempt: where it goes, and the message for a request id. */
    private record Leg(NodeId to, LongFunction<ShardMessage> message) {}

    public ShardRouter(RouterSettings settings, ShardObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.picker = settings.replication().picker();
    }

    @Override
    public void onStart(ClientContext ctx) {
        fetch(ctx);
    }

    @Override
    public void onInvoke(Invocation invocation, ClientContext ctx) {
        current = invocation;
        attempts = 0;
        requests = 0;
        rejections = 0;
        fetches = 0;
        timeout = ctx.setTimer(Duration.ofNanos(settings.timeoutNanos()), new Deadline(invocation.opId()));
        if (table != null && !fetching) {
            dispatch(ctx);
        } else {
            fetch(ctx); // the first table, or one asked again after a fetch that went unanswered
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, ClientContext ctx) {
        switch (message) {
            case TableIs is -> {
                fetching = false;
                if (table == null || is.table().epoch() > table.epoch()) {
                    table = is.table();
                }
                if (current != null && awaiting.isEmpty()) {
                    dispatch(ctx);
                }
            }
            case StaleEpoch stale -> {
                if (awaiting.containsKey(stale.requestId())) {
                    rejections++;
                    awaiting.clear();
                    refresh(stale, ctx);
                }
            }
            case Throttled throttled -> {
                if (awaiting.containsKey(throttled.requestId())) {
                    awaiting.clear();
                    finish(Outcome.fail("throttled: the key is hot and over its rate"), ctx);
                }
            }
            case GetReply reply -> {
                picker.heard(from, reply.queueDepth());
                if (awaiting.containsKey(reply.requestId()) && reply.value() != null) {
                    largest = largest == null ? reply.value() : Math.max(largest, reply.value());
                }
                gathered(reply.requestId(), reply.value(), ctx);
            }
            case PutReply reply -> gathered(reply.requestId(), null, ctx);
            case DeleteReply reply -> gathered(reply.requestId(), reply.existed() ? 1L : 0L, ctx);
            case ScanReply reply -> {
                if (awaiting.containsKey(reply.requestId()) && RANGE.equals(current.f())) {
                    entries.putAll(reply.entries());
                }
                gathered(reply.requestId(), (long) reply.entries().size(), ctx);
            }
            case AggregateReply reply -> {
                if (awaiting.containsKey(reply.requestId())) {
                    sum += reply.sum();
                }
                gathered(reply.requestId(), reply.count(), ctx);
            }
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, ClientContext ctx) {
        if (timer instanceof Deadline deadline && current != null && current.opId() == deadline.opId()) {
            awaiting.clear();
            // A fetch unanswered for a whole operation was lost (a placement node that crashed forgets it): the next
            // operation asks again rather than wait for ever.
            fetching = false;
            finish(Outcome.unknown("no answer within the timeout"), ctx);
        }
    }

    /** The table this router holds, or null before its first fetch returned. */
    public RoutingTable table() {
        return table;
    }

    private void refresh(StaleEpoch stale, ClientContext ctx) {
        if (settings.bug() == RouterSettings.Bug.KEEP_STALE_TABLE && stale.epoch() > table.epoch()) {
            table = new RoutingTable(stale.epoch(), table.partitioner());
            dispatch(ctx);
        } else {
            fetch(ctx);
        }
    }

    private void fetch(ClientContext ctx) {
        if (!fetching) {
            fetching = true;
            fetches++;
            ctx.send(settings.placement(), new FetchTable());
        }
    }

    private void dispatch(ClientContext ctx) {
        if (++attempts > ATTEMPTS_MAX) {
            finish(Outcome.fail("the routing table kept changing: " + ATTEMPTS_MAX + " attempts"), ctx);
            return;
        }
        found = 0;
        sum = 0;
        largest = null;
        entries.clear();
        List<Leg> legs = legs(current, ctx);
        fanOut = (int) legs.stream().map(Leg::to).distinct().count();
        for (Leg leg : legs) {
            long id = nextRequestId++;
            awaiting.put(id, leg.to());
            requests++;
            ctx.send(leg.to(), leg.message().apply(id));
        }
    }

    /** The requests one attempt of {@code op} sends, under the current table and the remedies in the settings. */
    private List<Leg> legs(Invocation op, ClientContext ctx) {
        long epoch = table.epoch();
        List<Leg> legs = new ArrayList<>();
        switch (op.f()) {
            case GET -> {
                for (String key : settings.salting().readKeys(op.key())) {
                    NodeId owner = table.partitioner().ownerOf(key);
                    if (settings.readCache() != null) {
                        legs.add(new Leg(settings.readCache(), id -> new CachedGet(id, epoch, key, owner)));
                    } else {
                        NodeId copy = picker.pick(settings.replication().of(owner), ctx.random());
                        legs.add(new Leg(copy, id -> new Get(id, epoch, key)));
                    }
                }
            }
            case PUT -> {
                String key = settings.salting().writeKey(op.key(), ctx.random());
                long value = (Long) op.value();
                for (NodeId copy : settings.replication().of(table.partitioner().ownerOf(key))) {
                    legs.add(new Leg(copy, id -> new Put(id, epoch, key, value)));
                }
            }
            case DEL -> {
                // Every sub-key of a salted key, on every copy: a delete must leave none for a read to gather.
                for (String key : settings.salting().readKeys(op.key())) {
                    for (NodeId copy :
                            settings.replication().of(table.partitioner().ownerOf(key))) {
                        legs.add(new Leg(copy, id -> new Delete(id, epoch, key)));
                    }
                }
            }
            case SCAN, RANGE -> {
                String to = (String) op.value();
                for (NodeId shard : table.partitioner().shardsForScan(op.key(), to)) {
                    legs.add(new Leg(shard, id -> new Scan(id, epoch, op.key(), to)));
                }
            }
            case COUNT -> {
                for (NodeId shard : table.partitioner().shards()) {
                    legs.add(new Leg(shard, id -> new Aggregate(id, epoch)));
                }
            }
            default -> throw new IllegalArgumentException("a shard router does not know operation " + op.f());
        }
        return legs;
    }

    private void gathered(long requestId, Long value, ClientContext ctx) {
        if (awaiting.remove(requestId) == null) {
            return;
        }
        if (value != null) {
            found += value;
        }
        if (!awaiting.isEmpty()) {
            return;
        }
        Object result =
                switch (current.f()) {
                    case GET -> largest;
                    case PUT -> current.value();
                    case DEL -> found > 0 ? 1L : 0L;
                    case SCAN -> found;
                    case RANGE -> Collections.unmodifiableSortedMap(new TreeMap<>(entries));
                    default -> List.of(found, sum);
                };
        finish(Outcome.ok(result), ctx);
    }

    private void finish(Outcome outcome, ClientContext ctx) {
        observer.routed(current.f(), current.key(), requests, fanOut, rejections, fetches);
        ctx.cancelTimer(timeout);
        ctx.complete(current.opId(), outcome);
        current = null;
    }
}
