package sdlab.cache.store;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Strategy that picks which key to evict when {@code used_memory} exceeds
 * {@code maxmemory}. The keyspace tells the policy about every key that appears, is accessed,
 * changes its expiry or disappears, and asks it for one victim at a time.
 *
 * <p>The implementations follow Redis's {@code evict.c}: {@link NoEviction};
 * {@link RandomEviction} (allkeys-random, volatile-random); {@link SampledEviction} with an
 * {@link EvictionPool} for the LRU, LFU and TTL policies; and {@link ExactLruEviction}, an
 * access-ordered list, for comparison with the sampled LRU.
 */
public sealed interface EvictionPolicy permits NoEviction, RandomEviction, SampledEviction, ExactLruEviction {

    /** The Redis name of this policy, e.g. {@code allkeys-lru}. */
    String name();

    /** A key appeared. */
    default void onAdd(Entry e) {}

    /** A key was read or written. */
    default void onAccess(Entry e, long nowMillis, RandomGenerator random) {}

    /** A key gained or lost its expiry. */
    default void onExpiryChanged(Entry e) {}

    /** A key disappeared (deleted, expired, evicted). */
    default void onRemove(Entry e) {}

    /** Takes over a keyspace that existed before this policy (after CONFIG SET). */
    default void adopt(List<Entry> entries) {
        entries.forEach(this::onAdd);
    }

    /** The next key to evict, or null if this policy has none to offer. */
    Entry selectVictim(EvictionView view);

    /** The policy that {@code settings} describe. */
    static EvictionPolicy create(EvictionSettings settings) {
        LfuCounter lfu = new LfuCounter(settings.lfuLogFactor(), settings.lfuDecayMinutes());
        int samples = settings.samples();
        boolean exact = settings.lruMode() == LruMode.EXACT;
        return switch (settings.policy()) {
            case "noeviction" -> new NoEviction();
            case "allkeys-random" -> new RandomEviction(EvictionScope.ALL_KEYS);
            case "volatile-random" -> new RandomEviction(EvictionScope.VOLATILE);
            case "allkeys-lru" ->
                exact
                        ? new ExactLruEviction(EvictionScope.ALL_KEYS)
                        : new SampledEviction(EvictionScope.ALL_KEYS, SampledEviction.Rank.IDLE, samples, lfu);
            case "volatile-lru" ->
                exact
                        ? new ExactLruEviction(EvictionScope.VOLATILE)
                        : new SampledEviction(EvictionScope.VOLATILE, SampledEviction.Rank.IDLE, samples, lfu);
            case "allkeys-lfu" ->
                new SampledEviction(EvictionScope.ALL_KEYS, SampledEviction.Rank.RARELY_USED, samples, lfu);
            case "volatile-lfu" ->
                new SampledEviction(EvictionScope.VOLATILE, SampledEviction.Rank.RARELY_USED, samples, lfu);
            case "volatile-ttl" ->
                new SampledEviction(EvictionScope.VOLATILE, SampledEviction.Rank.EXPIRES_SOONEST, samples, lfu);
            default -> throw new AssertionError("validated by EvictionSettings: " + settings.policy());
        };
    }
}
