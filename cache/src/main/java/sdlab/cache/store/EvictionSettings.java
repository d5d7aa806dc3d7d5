package sdlab.cache.store;

import java.util.List;
import java.util.Locale;

/**
 * What chooses the victim when memory is full: Redis's {@code maxmemory-policy},
 * {@code maxmemory-samples}, {@code lfu-log-factor} and {@code lfu-decay-time}, plus the LRU
 * mode (exact or sampled) that is sdlab's own addition.
 *
 * @param policy one of {@link #POLICIES}
 * @param lruMode how the two LRU policies find their victim
 * @param samples keys sampled per eviction by the sampled policies (Redis's default: 5)
 * @param lfuLogFactor how slowly the LFU counter grows (Redis's default: 10)
 * @param lfuDecayMinutes minutes per decrement of an idle key's LFU counter (default 1; 0 never)
 */
public record EvictionSettings(String policy, LruMode lruMode, int samples, int lfuLogFactor, int lfuDecayMinutes) {
    /** The policy names Redis accepts, in the order its error message lists them. */
    public static final List<String> POLICIES = List.of(
            "volatile-lru",
            "volatile-lfu",
            "volatile-random",
            "volatile-ttl",
            "allkeys-lru",
            "allkeys-lfu",
            "allkeys-random",
            "noeviction");

    public static final int SAMPLES_MAX = 64;

    public EvictionSettings {
        policy = policy.toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(policy)) {
            throw new IllegalArgumentException(
                    "unknown eviction policy '" + policy + "': expected one of " + String.join(", ", POLICIES));
        }
        if (samples < 1 || samples > SAMPLES_MAX) {
            throw new IllegalArgumentException("maxmemory-samples must be between 1 and " + SAMPLES_MAX);
        }
        if (lfuLogFactor < 0 || lfuDecayMinutes < 0) {
            throw new IllegalArgumentException("lfu-log-factor and lfu-decay-time must not be negative");
        }
    }

    /** Redis's defaults: noeviction, 5 samples, log factor 10, decay every minute; sampled LRU. */
    public static EvictionSettings defaults() {
        return new EvictionSettings("noeviction", LruMode.SAMPLED, 5, 10, 1);
    }

    public EvictionSettings withPolicy(String newPolicy) {
        return new EvictionSettings(newPolicy, lruMode, samples, lfuLogFactor, lfuDecayMinutes);
    }

    public EvictionSettings withLruMode(LruMode newMode) {
        return new EvictionSettings(policy, newMode, samples, lfuLogFactor, lfuDecayMinutes);
    }

    public EvictionSettings withSamples(int newSamples) {
        return new EvictionSettings(policy, lruMode, newSamples, lfuLogFactor, lfuDecayMinutes);
    }

    public EvictionSettings withLfu(int logFactor, int decayMinutes) {
        return new EvictionSettings(policy, lruMode, samples, logFactor, decayMinutes);
    }
}
