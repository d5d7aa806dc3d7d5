package sdlab.traffic.httpcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a private and a shared cache may store (RFC 9111 sections 3 and 3.5), one row per
 * response: the same exchange stored, or refused for a named rule, by each kind of cache.
 */
class StorageRulesTest {
    private static final long NOW = 1_000_000_000L;
    private static final Request PLAIN = Request.get("/page", Map.of());
    private static final Request AUTHORIZED = Request.get("/page", Map.of("Authorization", "Bearer abc"));

    @ParameterizedTest(name = "{0} -> private {1}, shared {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=60                    | STORED                   | STORED",
                "public, max-age=60            | STORED                   | STORED",
                "private, max-age=60           | STORED                   | PRIVATE_IN_SHARED_CACHE",
                "PRIVATE, max-age=60           | STORED                   | PRIVATE_IN_SHARED_CACHE",
                "s-maxage=60                   | NO_FRESHNESS_LIFETIME    | STORED",
                "max-age=0, s-maxage=60        | NO_FRESHNESS_LIFETIME    | STORED",
                "max-age=60, s-maxage=0        | STORED                   | NO_FRESHNESS_LIFETIME",
                "no-store, max-age=60          | NO_STORE                 | NO_STORE",
                "no-cache, max-age=60          | NEEDS_VALIDATION         | NEEDS_VALIDATION",
                "public                        | NO_FRESHNESS_LIFETIME    | NO_FRESHNESS_LIFETIME",
                "''                            | NO_FRESHNESS_LIFETIME    | NO_FRESHNESS_LIFETIME",
                "max-age=abc                   | NO_FRESHNESS_LIFETIME    | NO_FRESHNESS_LIFETIME"
            })
    void eachKindOfCacheStoresWhatItsRoleAllows(String cacheControl, StoreDecision privately, StoreDecision shared) {
        // Shows: private is the one directive that splits the two kinds of cache, s-maxage is read by shared caches
        // only, and without a positive lifetime (no heuristics here) nothing is stored.
        Response response = Response.of(200, cacheControl, null, 100);
        assertThat(privateCache().store(PLAIN, response, "v", NOW)).isEqualTo(privately);
        assertThat(sharedCache().store(PLAIN, response, "v", NOW)).isEqualTo(shared);
    }

    @ParameterizedTest(name = "{0} -> shared {1}, private {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=60                    | AUTHORIZATION_IN_SHARED_CACHE | STORED",
                "private, max-age=60           | PRIVATE_IN_SHARED_CACHE       | STORED",
                "public, max-age=60            | STORED                        | STORED",
                "s-maxage=60                   | STORED                        | NO_FRESHNESS_LIFETIME",
                "must-revalidate, max-age=60   | STORED                        | STORED",
                "proxy-revalidate, max-age=60  | AUTHORIZATION_IN_SHARED_CACHE | STORED"
            })
    void aSharedCacheStoresAnAuthorizedResponseOnlyWhenADirectiveAllowsIt(
            String cacheControl, StoreDecision shared, StoreDecision privately) {
        // Shows: section 3.5: a request with Authorization makes the response one user's unless public, s-maxage or
        // must-revalidate says a shared cache may keep it; a private cache keeps it whenever it has a lifetime.
        Response response = Response.of(200, cacheControl, null, 100);
        assertThat(sharedCache().store(AUTHORIZED, response, "v", NOW)).isEqualTo(shared);
        assertThat(privateCache().store(AUTHORIZED, response, "v", NOW)).isEqualTo(privately);
    }

    @ParameterizedTest
    @CsvSource({"100, STATUS_NOT_CACHEABLE", "206, STATUS_NOT_CACHEABLE", "304, STATUS_NOT_CACHEABLE", "404, STORED"})
    void interimPartialAndNotModifiedResponsesAreNotStored(int status, StoreDecision decision) {
        // Shows: with explicit freshness any final status may be stored, except the two whose handling is not built.
        assertThat(sharedCache().store(PLAIN, Response.of(status, "max-age=60", null, 100), "v", NOW))
                .isEqualTo(decision);
    }

    @ParameterizedTest
    @CsvSource({"POST", "HEAD", "get"})
    void onlyGetResponsesAreStoredOrLookedUp(String method) {
        // Shows: the method is part of the primary key and case-sensitive; this cache stores GET alone.
        HttpCache<String> cache = sharedCache();
        Request request = new Request(method, "/page", Map.of());
        assertThat(cache.store(request, Response.of(200, "max-age=60", null, 100), "v", NOW))
                .isEqualTo(StoreDecision.METHOD_NOT_CACHEABLE);
        assertThat(cache.lookup(request, NOW)).isEqualTo(new Lookup.Miss<>(Lookup.MissReason.METHOD_NOT_CACHEABLE));
    }

    @ParameterizedTest
    @CsvSource({"no-store, NO_STORE", "No-Store, NO_STORE", "max-age=0, STORED"})
    void aRequestThatSaysNoStoreIsNotStored(String requestDirectives, StoreDecision decision) {
        // Shows: section 5.2.1.5: no-store in the request forbids storing the response to it.
        Request request = Request.get("/page", Map.of("Cache-Control", requestDirectives));
        assertThat(privateCache().store(request, Response.of(200, "max-age=60", null, 100), "v", NOW))
                .isEqualTo(decision);
    }

    @ParameterizedTest
    @CsvSource({"HONOUR, PRIVATE_IN_SHARED_CACHE", "IGNORE, STORED"})
    void aCacheEverythingRuleIsTheSharedCacheThatIgnoresPrivate(
            HttpCacheConfig.PrivateHandling handling, StoreDecision decision) {
        // Shows: the misconfiguration the lab measures is a setting, and only the private rule changes with it.
        HttpCache<String> cache =
                new HttpCache<>(HttpCacheConfig.sharedCache(1000).withPrivateHandling(handling));
        assertThat(cache.store(PLAIN, Response.of(200, "private, max-age=60", null, 100), "v", NOW))
                .isEqualTo(decision);
        assertThat(cache.store(PLAIN, Response.of(200, "private, no-store, max-age=60", null, 100), "v", NOW))
                .isEqualTo(StoreDecision.NO_STORE);
    }

    private static HttpCache<String> privateCache() {
        return new HttpCache<>(HttpCacheConfig.privateCache(1000));
    }

    private static HttpCache<String> sharedCache() {
        return new HttpCache<>(HttpCacheConfig.sharedCache(1000));
    }
}
