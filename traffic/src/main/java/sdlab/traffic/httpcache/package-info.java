/**
 * An HTTP cache: the decisions a browser cache and a shared cache (a proxy, a CDN's edge POP)
 * make about responses, written once for the lab's simulated nodes and for any real server that
 * caches. It follows RFC 9111, HTTP Caching, for the parts below, and is pure: no clock, thread or
 * I/O; every call takes the time as {@code nowNanos}.
 *
 * <p>What it implements. {@link sdlab.traffic.httpcache.CacheControl} parses the
 * {@code Cache-Control} field as section 5.2 defines it (comma-separated directives, names
 * compared case-insensitively, token or quoted-string arguments, unknown directives ignored,
 * a malformed {@code max-age} treated as stale) and knows {@code no-store}, {@code no-cache},
 * {@code private}, {@code public}, {@code max-age}, {@code s-maxage}, {@code must-revalidate}
 * and {@code proxy-revalidate}. {@link sdlab.traffic.httpcache.HttpCache} stores a response only
 * when section 3 allows it: a GET, a final status, no {@code no-store} in request or response,
 * and, in a shared cache, no {@code private} and no Authorization in the request unless
 * {@code public}, {@code s-maxage} or {@code must-revalidate} allows it (section 3.5). Its
 * freshness lifetime is {@code s-maxage} in a shared cache, else {@code max-age} (section
 * 4.2.1); it is served while its age, the time since it was stored, is below that lifetime,
 * and no longer than a request's own {@code max-age} allows. A response is stored under its
 * method and target and, for each field its {@code Vary} names, the value the request sent
 * (section 4.1): requests that send other values (another {@code Accept-Language}, another
 * {@code Cookie}) miss, and {@code Vary: *} is never stored since nothing could match it.
 * Stored responses live in an LRU bounded by their sizes in bytes.
 *
 * <p>What it does not implement. Validation: no {@code ETag} or {@code Last-Modified}, no
 * conditional requests and no 304 handling, so a stale or {@code no-cache} response is not
 * kept for revalidation but refetched; a stale response is never served ({@code max-stale},
 * {@code stale-while-revalidate}, {@code stale-if-error} are ignored). Freshness comes only from
 * {@code max-age} and {@code s-maxage}: {@code Expires}, {@code Date} and the {@code Age} field
 * are not read, and there is no heuristic freshness, so a response with neither directive is not
 * stored. Only GET responses are stored; partial content (206), invalidation after unsafe
 * methods (section 4.4), the qualified forms of {@code private} and {@code no-cache} (treated as
 * unqualified, which stores less), {@code min-fresh}, {@code only-if-cached},
 * {@code must-understand} and {@code immutable} are not built.
 *
 * <p>Two misconfigurations are settings, because the lab measures what they cost: a cache keyed
 * by URL alone ({@link sdlab.traffic.httpcache.HttpCacheConfig.VaryHandling#IGNORE}) and a shared
 * cache that keeps private responses, as a "cache everything" edge rule does
 * ({@link sdlab.traffic.httpcache.HttpCacheConfig.PrivateHandling#IGNORE}).
 */
package sdlab.traffic.httpcache;
