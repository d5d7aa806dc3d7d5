package sdlab.traffic.httpcache;

/**
 * RFC 9111 section 3, "Storing Responses in Caches", for the directives this cache knows, and
 * section 4.2.1's freshness lifetime: whether a cache of a given configuration may keep a
 * response, and for how long it stays fresh.
 */
final class StoragePolicy {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private StoragePolicy() {}

    /** {@link StoreDecision#STORED} when {@code config}'s cache may keep {@code response} to {@code request}. */
    static StoreDecision decide(HttpCacheConfig config, Request request, Response response) {
        CacheControl directives = response.cacheControl();
        if (!request.method().equals("GET")) {
            return StoreDecision.METHOD_NOT_CACHEABLE;
        }
        if (response.status() < 200 || response.status() == 206 || response.status() == 304) {
            return StoreDecision.STATUS_NOT_CACHEABLE;
        }
        if (directives.noStore() || request.cacheControl().noStore()) {
            return StoreDecision.NO_STORE;
        }
        if (config.shared()
                && directives.privateOnly()
                && config.privateHandling() == HttpCacheConfig.PrivateHandling.HONOUR) {
            return StoreDecision.PRIVATE_IN_SHARED_CACHE;
        }
        if (config.shared() && request.hasAuthorization() && !allowsAuthorizedSharing(directives)) {
            return StoreDecision.AUTHORIZATION_IN_SHARED_CACHE;
        }
        if (directives.noCache()) {
            return StoreDecision.NEEDS_VALIDATION;
        }
        if (response.vary().any() && config.varyHandling() == HttpCacheConfig.VaryHandling.HONOUR) {
            return StoreDecision.VARY_ANY;
        }
        if (lifetimeNanos(config, directives) == 0) {
            return StoreDecision.NO_FRESHNESS_LIFETIME;
        }
        return StoreDecision.STORED;
    }

    /**
     * Section 4.2.1: a shared cache takes s-maxage before max-age; a private cache ignores
     * s-maxage. Zero when neither is given, since Expires and heuristic freshness are not built.
     */
    static long lifetimeNanos(HttpCacheConfig config, CacheControl directives) {
        if (config.shared() && directives.sMaxAgeSeconds().isPresent()) {
            return directives.sMaxAgeSeconds().getAsLong() * NANOS_PER_SECOND;
        }
        return directives.maxAgeSeconds().orElse(0) * NANOS_PER_SECOND;
    }

    /** Section 3.5: the directives that let a shared cache keep a response to an authorized request. */
    private static boolean allowsAuthorizedSharing(CacheControl directives) {
        return directives.isPublic()
                || directives.mustRevalidate()
                || directives.sMaxAgeSeconds().isPresent();
    }

    /** Whether a request's max-age (section 5.2.1.1) refuses a stored response of this age. */
    static boolean tooOldForRequest(Request request, long ageNanos) {
        CacheControl asked = request.cacheControl();
        return asked.maxAgeSeconds().isPresent()
                && ageNanos > asked.maxAgeSeconds().getAsLong() * NANOS_PER_SECOND;
    }
}
