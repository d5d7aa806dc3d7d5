package sdlab.traffic.ratelimit.http;

/** The two forms of {@code Retry-After} (RFC 9110, section 10.2.3). */
public enum RetryAfterFormat {
    /** Whole seconds to wait, rounded up: {@code Retry-After: 3}. Immune to clock skew. */
    DELTA_SECONDS,
    /** The moment to retry as an IMF-fixdate: {@code Retry-After: Sun, 06 Nov 1994 08:49:37 GMT}. */
    HTTP_DATE
}
