package sdlab.traffic.httpcache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP cache, private or shared, as RFC 9111 specifies the parts listed in this package's
 * description: it decides whether a response may be stored, keeps it under its primary and
 * secondary (Vary) keys in a byte-bounded LRU, and serves a later request from it while it is
 * fresh. Time is handed in as {@code nowNanos} on every call, from any clock that only moves
 * forward: the simulator's in a chapter, the system's monotonic clock in a real server.
 *
 * <p>It stores what the caller gives it with each response ({@code V}: a message, a body) and
 * hands that back on a hit; it never sees the bytes. Not thread-safe: one event loop owns it.
 *
 * @param <V> what the caller keeps with each stored response
 */
public final class HttpCache<V> {
    private record Stored<V>(V value, long storedAtNanos, long lifetimeNanos) {}

    private final HttpCacheConfig config;
    private final SizeBoundedLru<VariantKey, Stored<V>> store;

    /** The keys stored for each method and target, oldest first, so a lookup can find its variant. */
    private final Map<String, List<VariantKey>> variantsByPrimary = new HashMap<>();

    public HttpCache(HttpCacheConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = new SizeBoundedLru<>(config.capacityBytes());
    }

    public HttpCacheConfig config() {
        return config;
    }

    /**
     * The fresh stored response that {@code request} may be served from at {@code nowNanos}, or a
     * miss. A hit becomes the most recently used entry.
     */
    public Lookup<V> lookup(Request request, long nowNanos) {
        if (!request.method().equals("GET")) {
            return new Lookup.Miss<>(Lookup.MissReason.METHOD_NOT_CACHEABLE);
        }
        if (request.cacheControl().noCache()) {
            return new Lookup.Miss<>(Lookup.MissReason.REQUEST_NO_CACHE);
        }
        List<VariantKey> candidates = variantsByPrimary.get(VariantKey.primaryOf(request));
        if (candidates == null) {
            return new Lookup.Miss<>(Lookup.MissReason.NOTHING_STORED);
        }
        VariantKey selected = select(candidates, request);
        if (selected == null) {
            return new Lookup.Miss<>(Lookup.MissReason.VARY_MISMATCH);
        }
        Stored<V> stored = store.peek(selected);
        long ageNanos = Math.max(0, nowNanos - stored.storedAtNanos());
        if (ageNanos >= stored.lifetimeNanos()) {
            return new Lookup.Miss<>(Lookup.MissReason.STALE);
        }
        if (StoragePolicy.tooOldForRequest(request, ageNanos)) {
            return new Lookup.Miss<>(Lookup.MissReason.TOO_OLD_FOR_REQUEST);
        }
        store.touch(selected);
        return new Lookup.Hit<>(stored.value(), ageNanos);
    }

    /**
     * Stores {@code response} to {@code request}, received at {@code nowNanos}, with
     * {@code value}, if the rules allow; a stored response for the same keys is replaced.
     */
    public StoreDecision store(Request request, Response response, V value, long nowNanos) {
        StoreDecision decision = StoragePolicy.decide(config, request, response);
        if (decision != StoreDecision.STORED) {
            return decision;
        }
        List<String> varied = config.varyHandling() == HttpCacheConfig.VaryHandling.HONOUR
                ? response.vary().fieldNames()
                : List.of();
        VariantKey key = VariantKey.of(request, varied);
        long lifetimeNanos = StoragePolicy.lifetimeNanos(config, response.cacheControl());
        SizeBoundedLru.Put<VariantKey> put =
                store.put(key, new Stored<>(value, nowNanos, lifetimeNanos), response.sizeBytes());
        put.evicted().forEach(this::forget);
        if (!put.stored()) {
            return StoreDecision.TOO_LARGE;
        }
        List<VariantKey> variants = variantsByPrimary.computeIfAbsent(key.primary(), primary -> new ArrayList<>());
        variants.remove(key);
        variants.add(key);
        return StoreDecision.STORED;
    }

    /** The bytes of the responses held. */
    public long usedBytes() {
        return store.usedBytes();
    }

    /** How many responses are held. */
    public int entries() {
        return store.size();
    }

    /** Section 4.1: when several stored responses match, the most recently stored one is used. */
    private static VariantKey select(List<VariantKey> candidates, Request request) {
        for (int i = candidates.size() - 1; i >= 0; i--) {
            if (candidates.get(i).selectedBy(request)) {
                return candidates.get(i);
            }
        }
        return null;
    }

    private void forget(VariantKey key) {
        List<VariantKey> variants = variantsByPrimary.get(key.primary());
        if (variants != null) {
            variants.remove(key);
            if (variants.isEmpty()) {
                variantsByPrimary.remove(key.primary());
            }
        }
    }
}
