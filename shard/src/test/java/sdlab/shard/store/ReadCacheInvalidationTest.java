package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import sdlab.core.Disk;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.shard.store.ReadCacheSettings.Invalidation;
import sdlab.shard.store.ShardMessage.CachedGet;
import sdlab.shard.store.ShardMessage.Get;
import sdlab.shard.store.ShardMessage.GetReply;
import sdlab.shard.store.ShardMessage.Invalidate;
import sdlab.shard.store.ShardMessage.WatchWrites;
import sdlab.shard.store.ShardMessage.WatchingWrites;

/**
 * A cache whose entries the shards' writes invalidate, driven message by message: it asks each shard it fetches from to
 * watch, keeps nothing from a shard that has not confirmed, drops an entry on its key's invalidation, and keeps no
 * fetch that an invalidation of its key crossed (the one interleaving the chapter's runs almost never produce, since a
 * shard's answer usually reaches the cache before the invalidation of a write it served later).
 */
class ReadCacheInvalidationTest {
    private static final NodeId SHARD = NodeId.of("s0");
    private static final NodeId ROUTER = NodeId.of("c1");
    private static final String KEY = "k0007";

    private record Sent(NodeId to, Message message) {}

    /** A context that records what the cache sends, at a time the test sets. */
    private static final class Recording implements NodeContext {
        final List<Sent> sent = new ArrayList<>();
        long now;

        @Override
        public NodeId self() {
            return NodeId.of("cache");
        }

        @Override
        public void send(NodeId to, Message message) {
            sent.add(new Sent(to, message));
        }

        @Override
        public TimerId setTimer(Duration delay, Timer timer) {
            return new TimerId(0);
        }

        @Override
        public void cancelTimer(TimerId id) {}

        @Override
        public long nowNanos() {
            return now;
        }

        @Override
        public RandomGenerator random() {
            return new SplittableRandom(1);
        }

        @Override
        public Disk disk() {
            throw new UnsupportedOperationException("the cache keeps nothing on disk");
        }

        @Override
        public void note(String text) {}

        /** The id of the last fetch the cache sent its shard. */
        long lastFetch() {
            return sent.stream()
                    .filter(s -> s.message() instanceof Get)
                    .map(s -> ((Get) s.message()).requestId())
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    private long nextRequest;

    private void read(ReadCacheNode cache, Recording ctx) {
        cache.onMessage(ROUTER, new CachedGet(nextRequest++, 1, KEY, SHARD), ctx);
    }

    /** A cache that has seen enough reads of the key to call it hot, with its shard watching, and no fetch out. */
    private ReadCacheNode warmed(Invalidation invalidation, Recording ctx) {
        ReadCacheNode cache = new ReadCacheNode(
                new ReadCacheSettings(Duration.ofMillis(50).toNanos(), 16, 0.05, true, invalidation),
                new ShardObserver() {});
        for (long i = 0; i < ReadCacheSettings.READS_BEFORE_CACHING; i++) {
            read(cache, ctx); // one fetch, the rest coalesced into it; not kept: the key was not yet known hot
        }
        cache.onMessage(SHARD, new WatchingWrites(), ctx);
        cache.onMessage(SHARD, new GetReply(ctx.lastFetch(), 5L, 0), ctx);
        return cache;
    }

    private static long fetchesSent(Recording ctx) {
        return ctx.sent.stream().filter(s -> s.message() instanceof Get).count();
    }

    @Test
    void theCacheAsksItsShardToWatchOnceAndAnInvalidationDropsTheEntry() {
        Recording ctx = new Recording();
        ReadCacheNode cache = warmed(Invalidation.ON_WRITE, ctx);
        assertThat(ctx.sent.stream().filter(s -> s.message() instanceof WatchWrites))
                .extracting(Sent::to)
                .containsExactly(SHARD);

        read(cache, ctx); // a miss: the first fetch was not kept
        cache.onMessage(SHARD, new GetReply(ctx.lastFetch(), 5L, 0), ctx);
        long fetches = fetchesSent(ctx);
        read(cache, ctx);
        assertThat(fetchesSent(ctx)).as("a hit sends no fetch").isEqualTo(fetches);

        cache.onMessage(SHARD, new Invalidate(KEY), ctx);
        read(cache, ctx);
        assertThat(fetchesSent(ctx)).as("the invalidated entry is gone").isEqualTo(fetches + 1);
        assertThat(cache.invalidations()).isEqualTo(1);
    }

    @Test
    void aFetchThatAnInvalidationCrossedIsRelayedButNotKept() {
        assertThat(servesTheCrossedValueAfterwards(Invalidation.ON_WRITE)).isFalse();
    }

    @Test
    void plantedBugAFetchThatAnInvalidationCrossedIsKeptAndServedAfterTheWrite() {
        assertThat(servesTheCrossedValueAfterwards(Invalidation.ON_WRITE_KEEPS_CROSSED_FETCHES))
                .isTrue();
    }

    @Test
    void nothingIsKeptFromAShardThatHasNotConfirmedItWatches() {
        Recording ctx = new Recording();
        ReadCacheNode cache = new ReadCacheNode(
                new ReadCacheSettings(Duration.ofMillis(50).toNanos(), 16, 0.05, true, Invalidation.ON_WRITE),
                new ShardObserver() {});
        for (long i = 0; i < ReadCacheSettings.READS_BEFORE_CACHING; i++) {
            read(cache, ctx);
        }
        cache.onMessage(SHARD, new GetReply(ctx.lastFetch(), 5L, 0), ctx);
        read(cache, ctx);
        cache.onMessage(SHARD, new GetReply(ctx.lastFetch(), 5L, 0), ctx); // hot now, but the shard never confirmed
        long fetches = fetchesSent(ctx);
        read(cache, ctx);
        assertThat(fetchesSent(ctx)).isEqualTo(fetches + 1);
    }

    /**
     * The shard answered a fetch with 5, then applied a write of 6 and sent its invalidation, which arrived first;
     * the fetch's 5 arrives after. Whether the next read is answered 5 from an entry.
     */
    private boolean servesTheCrossedValueAfterwards(Invalidation invalidation) {
        Recording ctx = new Recording();
        ReadCacheNode cache = warmed(invalidation, ctx);
        read(cache, ctx);
        long crossed = ctx.lastFetch();
        cache.onMessage(SHARD, new Invalidate(KEY), ctx);
        cache.onMessage(SHARD, new GetReply(crossed, 5L, 0), ctx);
        assertThat(ctx.sent.getLast().message())
                .as("the waiting read still gets the answer its fetch brought")
                .isInstanceOf(GetReply.class);
        long fetches = fetchesSent(ctx);
        read(cache, ctx);
        return fetchesSent(ctx) == fetches
                && ctx.sent.getLast().message() instanceof GetReply reply
                && Long.valueOf(5).equals(reply.value());
    }
}
