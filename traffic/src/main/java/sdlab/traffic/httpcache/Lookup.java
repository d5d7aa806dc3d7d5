package sdlab.traffic.httpcache;

/**
 * What {@link HttpCache#lookup} found: a fresh stored response the request may be served from, or
 * a miss and why.
 *
 * @param <V> what the caller stored with the response
 */
public sealed interface Lookup<V> {

    /** Why a request must go to the origin. */
    enum MissReason {
        /** Nothing is stored under the request's method and target. */
        NOTHING_STORED,
        /** Responses are stored for the target, but none was selected by the values this request sends. */
        VARY_MISMATCH,
        /** The selected response is older than its freshness lifetime. */
        STALE,
        /** The request's own {@code max-age} asks for a younger response than the one stored. */
        TOO_OLD_FOR_REQUEST,
        /** The request says {@code no-cache}: it wants the origin's answer. */
        REQUEST_NO_CACHE,
        /** Not a GET: nothing else is stored. */
        METHOD_NOT_CACHEABLE
    }

    /**
     * A fresh stored response.
     *
     * @param value what the caller stored
     * @param ageNanos how long ago it was stored
     */
    record Hit<V>(V value, long ageNanos) implements Lookup<V> {}

    /** No stored response may be used. */
    record Miss<V>(MissReason reason) implements Lookup<V> {}

    /** Whether a stored response may be served. */
    default boolean isHit() {
        return this instanceof Hit<V>;
    }
}
