package sdlab.shard.store;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.shard.hot.SingleFlight;
import sdlab.shard.hot.SpaceSaving;
import sdlab.shard.hot.TtlCache;
import sdlab.shard.store.ShardMessage.CachedGet;
import sdlab.shard.store.ShardMessage.Get;
import sdlab.shard.store.ShardMessage.GetReply;
import sdlab.shard.store.ShardMessage.Invalidate;
import sdlab.shard.store.ShardMessage.StaleEpoch;
import sdlab.shard.store.ShardMessage.Throttled;
import sdlab.shard.store.ShardMessage.WatchWrites;
import sdlab.shard.store.ShardMessage.WatchingWrites;

/**
 * A read cache in a routing tier between the routers and the shards (as a memcached tier or Facebook's TAO followers in
 * front of their databases): routers send it their gets ({@link CachedGet}); it answers hot keys from a TTL cache and
 * forwards the rest, coalescing concurrent misses of one key into one {@link Get} to its shard and relaying that answer
 * (or the shard's refusal) to every waiter.
 *
 * <p>Which keys are cached is the online detector's call: the tier keeps a space-saving top-k over the reads it sees and
 * caches a key whose guaranteed share is at least {@link ReadCacheSettings#hotShareMin()}. Writes do not pass through
 * it. Without invalidation a cached value is up to the TTL old, the staleness the chapter measures; with it ({@link
 * ReadCacheSettings.Invalidation#ON_WRITE}) the cache asks each shard it fetches from to watch its writes and drops an
 * entry when the shard says its key was written, keeping no fetch that crossed such a message, so what is left is the
 * race between a write's acknowledgement and its invalidation. The tier does its work in no time (its own capacity is
 * chapter 20's subject); what it costs here is a network hop on every get, and a message per write when it watches.
 */
public final class ReadCacheNode implements Node {
    /** Entries at most: the top-k bounds the hot keys, this bounds a misconfigured share. */
    static final int ENTRIES_MAX = 1024;

    private final ReadCacheSettings settings;
    private final ShardObserver observer;
    private final TtlCache cache;
    private final SingleFlight<Waiter> flights;
    private final SpaceSaving reads;
    private final Map<Long, Fetch> fetches = new TreeMap<>();
    private final Set<NodeId> watchAsked = new LinkedHashSet<>();
    private final Set<NodeId> watching = new LinkedHashSet<>(); // shards that confirmed they send invalidations
    private long nextFetchId;
    private long invalidations;

    private record Waiter(NodeId router, long requestId) {}

    /** A fetch on its way; {@code crossed} once an invalidation of its key arrived meanwhile. */
    private static final class Fetch {
        final String key;
        final String flight;
        final NodeId shard;
        final boolean keep;
        boolean crossed;

        Fetch(String key, String flight, NodeId shard, boolean keep) {
            this.key = key;
            this.flight = flight;
            this.shard = shard;
            this.keep = keep;
        }
    }

    public ReadCacheNode(ReadCacheSettings settings, ShardObserver observer) {
        this.settings = settings;
        this.observer = observer;
        this.cache = new TtlCache(settings.ttlNanos(), ENTRIES_MAX);
        this.flights = new SingleFlight<>(settings.coalesce());
        this.reads = new SpaceSaving(settings.hotKeysTracked());
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {}

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        switch (message) {
            case CachedGet get -> read(from, get, ctx);
            case GetReply reply -> {
                Fetch fetch = fetches.get(reply.requestId());
                if (fetch != null && keeps(fetch)) {
                    cache.put(fetch.key, reply.value(), ctx.nowNanos());
                }
                land(reply.requestId(), ctx, waiter -> new GetReply(waiter.requestId(), reply.value()));
            }
            case StaleEpoch stale ->
                land(stale.requestId(), ctx, waiter -> new StaleEpoch(waiter.requestId(), stale.epoch()));
            case Throttled throttled -> land(throttled.requestId(), ctx, waiter -> new Throttled(waiter.requestId()));
            case WatchingWrites confirmed -> watching.add(from);
            case Invalidate invalidate -> invalidate(invalidate.key());
            default -> {}
        }
    }

    /** Requests that arrived here and were answered from an entry or coalesced into another's fetch. */
    public long coalesced() {
        return flights.coalesced();
    }

    /** Invalidations the shards sent it: one per write they applied while it watched. */
    public long invalidations() {
        return invalidations;
    }

    /** The most entries the cache held at once. */
    public int entriesPeak() {
        return cache.entriesPeak();
    }

    private void read(NodeId router, CachedGet get, NodeContext ctx) {
        reads.offer(get.key());
        TtlCache.Hit hit = cache.get(get.key(), ctx.nowNanos());
        observer.cacheRead(ctx.self(), get.key(), hit != null);
        if (hit != null) {
            ctx.send(router, new GetReply(get.requestId(), hit.value()));
            return;
        }
        SingleFlight.Joined joined = flights.join(get.key(), new Waiter(router, get.requestId()));
        if (joined.fetch()) {
            if (settings.invalidation() != ReadCacheSettings.Invalidation.NONE && watchAsked.add(get.shard())) {
                ctx.send(get.shard(), new WatchWrites());
            }
            long id = nextFetchId++;
            fetches.put(id, new Fetch(get.key(), joined.flight(), get.shard(), hot(get.key())));
            ctx.send(get.shard(), new Get(id, get.epoch(), get.key()));
        }
    }

    /**
     * Whether a fetch's answer may be kept. With invalidation, only from a shard that confirmed it watches (before
     * that, a write's invalidation may never come) and only if no invalidation of the key crossed the fetch.
     */
    private boolean keeps(Fetch fetch) {
        return switch (settings.invalidation()) {
            case NONE -> fetch.keep;
            case ON_WRITE -> fetch.keep && watching.contains(fetch.shard) && !fetch.crossed;
            case ON_WRITE_KEEPS_CROSSED_FETCHES -> fetch.keep && watching.contains(fetch.shard);
            case ON_WRITE_ANOTHER_KEY -> fetch.keep && watching.contains(fetch.shard) && !fetch.crossed;
        };
    }

    private void invalidate(String key) {
        invalidations++;
        cache.remove(settings.invalidation() == ReadCacheSettings.Invalidation.ON_WRITE_ANOTHER_KEY ? "/" + key : key);
        for (Fetch fetch : fetches.values()) {
            if (fetch.key.equals(key)) {
                fetch.crossed = true;
            }
        }
    }

    private boolean hot(String key) {
        return reads.total() >= ReadCacheSettings.READS_BEFORE_CACHING
                && reads.guaranteed(key) >= settings.hotShareMin() * reads.total();
    }

    /** The shard answered fetch {@code fetchId}: everyone who waited for its flight gets {@code answer}. */
    private void land(long fetchId, NodeContext ctx, Function<Waiter, Message> answer) {
        Fetch fetch = fetches.remove(fetchId);
        if (fetch == null) {
            return;
        }
        for (Waiter waiter : flights.land(fetch.flight)) {
            ctx.send(waiter.router(), answer.apply(waiter));
        }
    }
}
