package sdlab.shard.store;

import java.util.Map;
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
import sdlab.shard.store.ShardMessage.StaleEpoch;
import sdlab.shard.store.ShardMessage.Throttled;

/**
 * A read cache in a routing tier between the routers and the shards (as a memcached tier or Facebook's TAO followers in
 * front of their databases): routers send it their gets ({@link CachedGet}); it answers hot keys from a TTL cache and
 * forwards the rest, coalescing concurrent misses of one key into one {@link Get} to its shard and relaying that answer
 * (or the shard's refusal) to every waiter.
 *
 * <p>Which keys are cached is the online detector's call: the tier keeps a space-saving top-k over the reads it sees and
 * caches a key whose guaranteed share is at least {@link ReadCacheSettings#hotShareMin()}. Writes do not pass through
 * it and do not invalidate: a cached value is up to the TTL old, the staleness the chapter measures. The tier does its
 * work in no time (its own capacity is chapter 20's subject); what it costs here is a network hop on every get.
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
    private long nextFetchId;

    private record Waiter(NodeId router, long requestId) {}

    private record Fetch(String key, String flight, boolean keep) {}

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
                if (fetch != null && fetch.keep()) {
                    cache.put(fetch.key(), reply.value(), ctx.nowNanos());
                }
                land(reply.requestId(), ctx, waiter -> new GetReply(waiter.requestId(), reply.value()));
            }
            case StaleEpoch stale ->
                land(stale.requestId(), ctx, waiter -> new StaleEpoch(waiter.requestId(), stale.epoch()));
            case Throttled throttled -> land(throttled.requestId(), ctx, waiter -> new Throttled(waiter.requestId()));
            default -> {}
        }
    }

    /** Requests that arrived here and were answered from an entry or coalesced into another's fetch. */
    public long coalesced() {
        return flights.coalesced();
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
            long id = nextFetchId++;
            fetches.put(id, new Fetch(get.key(), joined.flight(), hot(get.key())));
            ctx.send(get.shard(), new Get(id, get.epoch(), get.key()));
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
        for (Waiter waiter : flights.land(fetch.flight())) {
            ctx.send(waiter.router(), answer.apply(waiter));
        }
    }
}
