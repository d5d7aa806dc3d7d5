package sdlab.traffic.httpcache;

/** Whether {@link HttpCache#store} kept a response and, if not, the rule that stopped it. */
public enum StoreDecision {
    STORED,
    /** Only GET responses are stored: the one method every cache understands. */
    METHOD_NOT_CACHEABLE,
    /** An interim (1xx) status, or 206 and 304, whose handling (ranges, validation) is not built here. */
    STATUS_NOT_CACHEABLE,
    /** {@code no-store} in the request or the response (RFC 9111 sections 5.2.1.5, 5.2.2.5). */
    NO_STORE,
    /** {@code private} in a response reaching a shared cache (section 5.2.2.7). */
    PRIVATE_IN_SHARED_CACHE,
    /** A response to a request with Authorization reaching a shared cache without public, s-maxage or must-revalidate (section 3.5). */
    AUTHORIZATION_IN_SHARED_CACHE,
    /** {@code no-cache}: reuse needs validation, which this cache does not do, so it keeps nothing. */
    NEEDS_VALIDATION,
    /** {@code Vary: *}: no later request could match it (section 4.1). */
    VARY_ANY,
    /** No positive freshness lifetime from max-age or s-maxage: Expires and heuristics are not built here. */
    NO_FRESHNESS_LIFETIME,
    /** Larger than the cache's whole capacity. */
    TOO_LARGE
}
