package sdlab.cache.store;

import java.util.random.RandomGenerator;

/**
 * Redis's approximated policies: each eviction samples {@code samples} keys of the scope into
 * the {@link EvictionPool} and evicts the best-ranked live candidate. With LRU rank this is
 * allkeys-lru / volatile-lru in {@link LruMode#SAMPLED} mode; with LFU rank allkeys-lfu /
 * volatile-lfu; with TTL rank volatile-ttl.
 */
final class SampledEviction implements EvictionPolicy {
    /** How a candidate ranks: higher means a better victim. */
    enum Rank {
        /** Milliseconds since last access (LRU). */
        IDLE,
        /** 255 minus the decayed LFU counter (LFU). */
        RARELY_USED,
        /** Sooner expiry ranks higher (TTL). */
        EXPIRES_SOONEST
    }

    private final EvictionScope scope;
    private final Rank rank;
    private final int samples;
    private final LfuCounter lfu;
    private final EvictionPool pool = new EvictionPool();

    SampledEviction(EvictionScope scope, Rank rank, int samples, LfuCounter lfu) {
        this.scope = scope;
        this.rank = rank;
        this.samples = samples;
        this.lfu = lfu;
    }

    @Override
    public String name() {
        String prefix = scope == EvictionScope.ALL_KEYS ? "allkeys-" : "volatile-";
        return prefix
                + switch (rank) {
                    case IDLE -> "lru";
                    case RARELY_USED -> "lfu";
                    case EXPIRES_SOONEST -> "ttl";
                };
    }

    @Override
    public void onAccess(Entry e, long nowMillis, RandomGenerator random) {
        if (rank == Rank.RARELY_USED) {
            lfu.touch(e, nowMillis, random);
        }
    }

    @Override
    public Entry selectVictim(EvictionView view) {
        SampleArray candidates = view.candidates(scope);
        // Each round samples live keys, so the pool holds at least one live candidate after it;
        // the bound only guards against a programming error.
        for (int round = 0; round < 1_000 && candidates.size() > 0; round++) {
            int count = Math.min(samples, candidates.size());
            for (int i = 0; i < count; i++) {
                Entry e = candidates.random(view.random());
                pool.offer(e, rankOf(e, view.nowMillis()));
            }
            Entry victim = pool.takeBest(scope);
            if (victim != null) {
                return victim;
            }
        }
        return null;
    }

    private long rankOf(Entry e, long nowMillis) {
        return switch (rank) {
            case IDLE -> nowMillis - e.accessMillis;
            case RARELY_USED -> LfuCounter.MAX - lfu.decayed(e, nowMillis);
            case EXPIRES_SOONEST -> Long.MAX_VALUE - e.expireAtMillis;
        };
    }
}
