package sdlab.traffic.httpcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a stored response may be served: while its age, measured on the injected clock, is below its lifetime. */
class FreshnessTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long STORED_AT = 7 * SECOND;
    private static final Request GET = Request.get("/page", Map.of());

    @ParameterizedTest(name = "age {0} s -> {1}")
    @CsvSource({"0, true", "1, true", "59, true", "60, false", "61, false", "100000, false"})
    void aResponseIsServedUntilItsAgeReachesMaxAge(long ageSeconds, boolean hit) {
        // Shows: fresh means age below the lifetime: max-age=60 serves at 59 s and stops at exactly 60 s.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.privateCache(1000));
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "page", STORED_AT);
        Lookup<String> found = cache.lookup(GET, STORED_AT + ageSeconds * SECOND);
        assertThat(found.isHit()).isEqualTo(hit);
        if (!hit) {
            assertThat(found).isEqualTo(new Lookup.Miss<>(Lookup.MissReason.STALE));
        }
    }

    @Test
    void aHitSaysHowOldTheResponseIs() {
        // Shows: the age handed back is the time since storing, on the caller's clock, for an Age field if wanted.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.privateCache(1000));
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "page", STORED_AT);
        assertThat(cache.lookup(GET, STORED_AT + 3 * SECOND)).isEqualTo(new Lookup.Hit<>("page", 3 * SECOND));
    }

    @ParameterizedTest(name = "{0}: shared {1} s, private {2} s")
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=60              | 60 | 60",
                "max-age=60, s-maxage=10 | 10 | 60",
                "s-maxage=10, max-age=60 | 10 | 60",
                "max-age=10, s-maxage=60 | 60 | 10"
            })
    void aSharedCacheTakesSMaxAgeBeforeMaxAgeAndAPrivateCacheIgnoresIt(
            String cacheControl, long sharedSeconds, long privateSeconds) {
        // Shows: RFC 9111 section 4.2.1: the lifetime is s-maxage in a shared cache and max-age in a private one.
        assertThat(lifetimeSeconds(HttpCacheConfig.sharedCache(1000), cacheControl))
                .isEqualTo(sharedSeconds);
        assertThat(lifetimeSeconds(HttpCacheConfig.privateCache(1000), cacheControl))
                .isEqualTo(privateSeconds);
    }

    @Test
    void aRequestsOwnMaxAgeRefusesAnOlderResponseWithoutEvictingIt() {
        // Shows: section 5.2.1.1: a client asking for max-age=5 misses on a 10 s old response another client still
        // gets.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "page", STORED_AT);
        Request picky = Request.get("/page", Map.of("Cache-Control", "max-age=5"));
        assertThat(cache.lookup(picky, STORED_AT + 10 * SECOND))
                .isEqualTo(new Lookup.Miss<>(Lookup.MissReason.TOO_OLD_FOR_REQUEST));
        assertThat(cache.lookup(picky, STORED_AT + 4 * SECOND).isHit()).isTrue();
        assertThat(cache.lookup(GET, STORED_AT + 10 * SECOND).isHit()).isTrue();
    }

    @Test
    void aRequestSayingNoCacheGoesToTheOrigin() {
        // Shows: section 5.2.1.4: no-cache in a request never takes a stored response, since this cache cannot
        // validate.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "page", STORED_AT);
        assertThat(cache.lookup(Request.get("/page", Map.of("cache-control", "no-cache")), STORED_AT))
                .isEqualTo(new Lookup.Miss<>(Lookup.MissReason.REQUEST_NO_CACHE));
    }

    @Test
    void aNewerResponseReplacesTheStoredOneAndRestartsItsAge() {
        // Shows: storing again under the same keys replaces the entry, so freshness counts from the newer response.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "old", STORED_AT);
        cache.store(GET, Response.of(200, "max-age=60", null, 10), "new", STORED_AT + 50 * SECOND);
        assertThat(cache.lookup(GET, STORED_AT + 70 * SECOND)).isEqualTo(new Lookup.Hit<>("new", 20 * SECOND));
        assertThat(cache.entries()).isEqualTo(1);
        assertThat(cache.usedBytes()).isEqualTo(10);
    }

    private static long lifetimeSeconds(HttpCacheConfig config, String cacheControl) {
        return StoragePolicy.lifetimeNanos(config, CacheControl.parse(cacheControl)) / SECOND;
    }
}
