/**
 * HTTP responses for rate limiting, as pure values: what a throttled client is told.
 *
 * <p>A denied request gets 429 Too Many Requests (RFC 6585) with {@code Retry-After} (RFC 9110,
 * section 10.2.3) in delta-seconds, rounded up so that an obedient client never retries too
 * early, or as an HTTP-date computed from a wall-clock time passed in. It also gets the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} fields of draft-ietf-httpapi-ratelimit-headers-11,
 * which allowed responses may carry too, so that a client can slow down before it is throttled.
 * Load shedding, where the server rather than the client is over capacity, gets 503 with
 * {@code Retry-After}. Bodies are problem+json documents of the draft's problem types.
 *
 * <p>Nothing here reads a clock or writes to a socket; the gateway does both.
 */
package sdlab.traffic.ratelimit.http;
