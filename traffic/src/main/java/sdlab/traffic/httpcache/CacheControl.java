package sdlab.traffic.httpcache;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The {@code Cache-Control} directives this cache acts on, parsed from a request's or a
 * response's field value (RFC 9111 section 5.2).
 *
 * <p>Parsing follows the field's syntax: a comma-separated list of directives, each a token
 * compared case-insensitively, with an optional argument as a token or a quoted string
 * ({@code max-age=60} and {@code max-age="60"} are the same). Empty list members and directives
 * this cache does not know are ignored, as section 5.2.3 requires. A {@code max-age} or
 * {@code s-maxage} whose argument is not a non-negative integer is invalid freshness information,
 * which section 4.2.1 encourages a cache to treat as stale: it parses to zero seconds. A value too
 * large to represent becomes 2^31 seconds (section 1.2.2). When a directive repeats, its first
 * occurrence counts (section 4.2.1). The qualified forms {@code private="field"} and
 * {@code no-cache="field"} count as their unqualified forms, which is always allowed: it only
 * stores and reuses less.
 *
 * @param noStore {@code no-store}: nothing of the exchange may be stored
 * @param noCache {@code no-cache}: a stored response may not be reused without validation
 * @param privateOnly {@code private}: only a private (single-user) cache may store the response
 * @param isPublic {@code public}: a shared cache may store it even for a request with Authorization
 * @param maxAgeSeconds {@code max-age}: the freshness lifetime (or, in a request, the oldest
 *     response the client accepts)
 * @param sMaxAgeSeconds {@code s-maxage}: the freshness lifetime in a shared cache, overriding max-age
 * @param mustRevalidate {@code must-revalidate}: never reuse once stale
 * @param proxyRevalidate {@code proxy-revalidate}: must-revalidate for shared caches only
 */
public record CacheControl(
        boolean noStore,
        boolean noCache,
        boolean privateOnly,
        boolean isPublic,
        OptionalLong maxAgeSeconds,
        OptionalLong sMaxAgeSeconds,
        boolean mustRevalidate,
        boolean proxyRevalidate) {

    /** A field that is absent or says nothing this cache knows. */
    public static final CacheControl NONE =
            new CacheControl(false, false, false, false, OptionalLong.empty(), OptionalLong.empty(), false, false);

    /** The value a delta-seconds too large to represent stands for (RFC 9111 section 1.2.2). */
    static final long DELTA_SECONDS_MAX = 1L << 31;

    /** The directives of {@code fieldValue}; {@link #NONE} for null or blank. */
    public static CacheControl parse(String fieldValue) {
        if (fieldValue == null || fieldValue.isBlank()) {
            return NONE;
        }
        Builder builder = new Builder();
        for (DirectiveList.Directive directive : DirectiveList.split(fieldValue)) {
            builder.accept(directive);
        }
        return builder.build();
    }

    /** Collects directives in field order; the first occurrence of a repeated argument wins. */
    private static final class Builder {
        private boolean noStore;
        private boolean noCache;
        private boolean privateOnly;
        private boolean isPublic;
        private OptionalLong maxAge = OptionalLong.empty();
        private OptionalLong sMaxAge = OptionalLong.empty();
        private boolean mustRevalidate;
        private boolean proxyRevalidate;

        void accept(DirectiveList.Directive directive) {
            switch (directive.name().toLowerCase(Locale.ROOT)) {
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "private" -> privateOnly = true;
                case "public" -> isPublic = true;
                case "max-age" -> maxAge = maxAge.isPresent() ? maxAge : OptionalLong.of(deltaSeconds(directive));
                case "s-maxage" -> sMaxAge = sMaxAge.isPresent() ? sMaxAge : OptionalLong.of(deltaSeconds(directive));
                case "must-revalidate" -> mustRevalidate = true;
                case "proxy-revalidate" -> proxyRevalidate = true;
                default -> {
                    // Section 5.2.3: a cache ignores directives it does not understand.
                }
            }
        }

        CacheControl build() {
            return new CacheControl(
                    noStore, noCache, privateOnly, isPublic, maxAge, sMaxAge, mustRevalidate, proxyRevalidate);
        }
    }

    /** A delta-seconds argument; zero (stale at once) when it is missing or not a non-negative integer. */
    private static long deltaSeconds(DirectiveList.Directive directive) {
        String digits = directive.argument();
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 10) {
            return DELTA_SECONDS_MAX;
        }
        return Math.min(Long.parseLong(significant), DELTA_SECONDS_MAX);
    }
}
