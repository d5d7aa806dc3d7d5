package sdlab.traffic.httpcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Secondary keys (RFC 9111 section 4.1): a varied response serves only requests that send what selected it. */
class VaryTest {
    private static final long NOW = 0;

    @ParameterizedTest(name = "Vary: {0}; stored for {1}={2}, asked with {1}={3} -> hit {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Accept-Language | Accept-Language | en    | en         | true",
                "Accept-Language | Accept-Language | en    | de         | false",
                "accept-language | ACCEPT-LANGUAGE | en    | en         | true",
                "Accept-Language | Accept-Language | en,fr | en , fr    | true",
                "Accept-Language | Accept-Language | en    | EN         | false",
                "Cookie          | Cookie          | user=1| user=1     | true",
                "Cookie          | Cookie          | user=1| user=2     | false",
                "Cookie          | Accept-Language | en    | de         | true"
            })
    void differentValuesOfAVariedFieldAreDifferentEntries(
            String vary, String field, String storedValue, String askedValue, boolean hit) {
        // Shows: field names match case-insensitively, values exactly up to list whitespace, and only the fields the
        // response names select it.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        cache.store(get(field, storedValue), Response.of(200, "max-age=60", vary, 10), "stored", NOW);
        assertThat(cache.lookup(get(field, askedValue), NOW).isHit()).isEqualTo(hit);
    }

    @Test
    void eachVariantIsKeptAndServedToItsOwnRequests() {
        // Shows: two languages of one URL live side by side; each request gets its own, a third misses.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        Response varied = Response.of(200, "max-age=60", "Accept-Language", 10);
        cache.store(get("Accept-Language", "en"), varied, "english", NOW);
        cache.store(get("Accept-Language", "de"), varied, "german", NOW);
        assertThat(cache.lookup(get("Accept-Language", "en"), NOW)).isEqualTo(new Lookup.Hit<>("english", 0));
        assertThat(cache.lookup(get("Accept-Language", "de"), NOW)).isEqualTo(new Lookup.Hit<>("german", 0));
        assertThat(cache.lookup(get("Accept-Language", "fr"), NOW))
                .isEqualTo(new Lookup.Miss<>(Lookup.MissReason.VARY_MISMATCH));
        assertThat(cache.entries()).isEqualTo(2);
    }

    @Test
    void aFieldAbsentFromBothRequestsMatchesAndAbsentFromOneDoesNot() {
        // Shows: a request without Cookie is served the response fetched without one, never a cookie-holder's.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        Request anonymous = Request.get("/page", Map.of());
        cache.store(anonymous, Response.of(200, "max-age=60", "Cookie", 10), "anonymous", NOW);
        assertThat(cache.lookup(anonymous, NOW).isHit()).isTrue();
        assertThat(cache.lookup(get("Cookie", "user=1"), NOW).isHit()).isFalse();
        assertThat(cache.lookup(get("Cookie", ""), NOW).isHit()).isFalse();
    }

    @Test
    void everyVariedFieldMustMatch() {
        // Shows: with Vary naming two fields, a request differing in either one misses.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        Map<String, String> fields = Map.of("Accept-Language", "en", "Accept-Encoding", "gzip");
        cache.store(
                Request.get("/page", fields),
                Response.of(200, "max-age=60", "Accept-Language, Accept-Encoding", 10),
                "v",
                NOW);
        assertThat(cache.lookup(Request.get("/page", fields), NOW).isHit()).isTrue();
        for (String field : fields.keySet()) {
            Map<String, String> other = new HashMap<>(fields);
            other.put(field, "other");
            assertThat(cache.lookup(Request.get("/page", other), NOW).isHit())
                    .as(field)
                    .isFalse();
        }
    }

    @Test
    void varyStarNeverMatchesSoItIsNotStored() {
        // Shows: Vary: * says the response was chosen by something outside the request, so no request can match it.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        Request request = Request.get("/page", Map.of());
        assertThat(cache.store(request, Response.of(200, "max-age=60", "Accept-Language, *", 10), "v", NOW))
                .isEqualTo(StoreDecision.VARY_ANY);
        assertThat(cache.lookup(request, NOW)).isEqualTo(new Lookup.Miss<>(Lookup.MissReason.NOTHING_STORED));
        assertThat(Vary.parse(" * ")).isEqualTo(new Vary(true, List.of()));
    }

    @Test
    void aCacheKeyedByUrlAloneServesTheFirstVariantToEveryone() {
        // Shows: the misconfiguration VaryHandling.IGNORE: the German reader gets the English page stored first.
        HttpCache<String> cache = new HttpCache<>(
                HttpCacheConfig.sharedCache(1000).withVaryHandling(HttpCacheConfig.VaryHandling.IGNORE));
        Response varied = Response.of(200, "max-age=60", "Accept-Language", 10);
        cache.store(get("Accept-Language", "en"), varied, "english", NOW);
        assertThat(cache.lookup(get("Accept-Language", "de"), NOW)).isEqualTo(new Lookup.Hit<>("english", 0));
        cache.store(get("Accept-Language", "de"), varied, "german", NOW);
        assertThat(cache.lookup(get("Accept-Language", "en"), NOW)).isEqualTo(new Lookup.Hit<>("german", 0));
        assertThat(cache.entries()).isEqualTo(1);
    }

    @Test
    void varyNamesAreReadCaseInsensitivelyOnceEach() {
        // Shows: the Vary list's names are lower-cased, repeats dropped and non-tokens ignored.
        assertThat(Vary.parse("Cookie, cookie, Accept-Language,, bad name"))
                .isEqualTo(new Vary(false, List.of("cookie", "accept-language")));
        assertThat(Vary.parse(null)).isEqualTo(Vary.NONE);
    }

    private static Request get(String field, String value) {
        return Request.get("/page", Map.of(field, value));
    }
}
