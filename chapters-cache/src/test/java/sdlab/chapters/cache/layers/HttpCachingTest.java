package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;
import sdlab.chapters.cache.layers.LayersMessage.HttpResponse;
import sdlab.traffic.httpcache.HttpCache;
import sdlab.traffic.httpcache.Lookup;
import sdlab.traffic.httpcache.StoreDecision;

/**
 * The HTTP rules the edge and the browsers follow, as the chapter configures the project's HTTP
 * cache: what may be kept, under which key, and what a URL is. The rules themselves are tested in
 * {@code sdlab.traffic.httpcache}.
 */
class HttpCachingTest {
    private static final long CAPACITY_BYTES = 1_000_000;
    private static final long NOW = 0;
    private static final HttpGet ALICE = new HttpGet(1, "/art/t3", "u1", 2);
    private static final HttpGet BOB = new HttpGet(2, "/art/t3", "u2", 3);
    private static final HttpGet CAROL = new HttpGet(3, "/art/t3", "u3", 2);

    @Test
    void aStandardEdgeKeysVariedResponsesByTheVariedHeaders() {
        // Shows: artwork stored for Alice's taste segment serves Carol (same segment) and not Bob; keyed by URL
        // alone, Bob gets Alice's.
        HttpCache<HttpResponse> standard = edge(EdgePolicy.STANDARD);
        HttpCache<HttpResponse> urlOnly = edge(EdgePolicy.URL_ONLY);
        for (HttpCache<HttpResponse> cache : List.of(standard, urlOnly)) {
            assertThat(store(cache, ALICE, new Resource.Artwork(3))).isEqualTo(StoreDecision.STORED);
        }
        assertThat(standard.lookup(CAROL.toCacheRequest(), NOW).isHit()).isTrue();
        assertThat(standard.lookup(BOB.toCacheRequest(), NOW).isHit()).isFalse();
        assertThat(urlOnly.lookup(BOB.toCacheRequest(), NOW)).isInstanceOf(Lookup.Hit.class);
        assertThat(edge(EdgePolicy.VARY_FORGOTTEN).config().varyHandling())
                .isEqualTo(urlOnly.config().varyHandling());
    }

    @Test
    void aSharedCacheKeepsNoPrivateResponseUnlessConfiguredToCacheEverything() {
        // Shows: the home page is private: a standard edge passes it through; a cache-everything edge keeps it.
        assertThat(new Resource.Home().cacheControl()).contains("private");
        assertThat(store(edge(EdgePolicy.STANDARD), ALICE, new Resource.Home()))
                .isEqualTo(StoreDecision.PRIVATE_IN_SHARED_CACHE);
        assertThat(store(edge(EdgePolicy.VARY_FORGOTTEN), ALICE, new Resource.Home()))
                .isEqualTo(StoreDecision.PRIVATE_IN_SHARED_CACHE);
        assertThat(store(edge(EdgePolicy.URL_ONLY), ALICE, new Resource.Home())).isEqualTo(StoreDecision.STORED);
        assertThat(EdgePolicy.OFF.cacheConfig(CAPACITY_BYTES)).isEmpty();
        assertThat(store(edge(EdgePolicy.STANDARD), ALICE, new Resource.Segment(1, 0)))
                .isEqualTo(StoreDecision.STORED);
    }

    @Test
    void urlsNameTheirResourcesAndNothingElse() {
        // Shows: every URL the users open parses back to its resource; others are refused.
        for (Resource resource : List.of(
                new Resource.Home(), new Resource.Artwork(7), new Resource.Manifest(7), new Resource.Segment(7, 5))) {
            assertThat(Resource.of(resource.url())).isEqualTo(resource);
        }
        assertThatThrownBy(() -> Resource.of("/admin")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsLiveInPagesOfTheirTable() {
        // Shows: the buffer pool's unit: sixteen users or eight titles share a page.
        assertThat(DatabaseNode.pageOf("user:u17")).isEqualTo("users/1");
        assertThat(DatabaseNode.pageOf("title:t7")).isEqualTo("titles/0");
        assertThat(DatabaseNode.pageOf("recs:3")).isEqualTo("recs/3");
    }

    private static HttpCache<HttpResponse> edge(EdgePolicy policy) {
        return new HttpCache<>(policy.cacheConfig(CAPACITY_BYTES).orElseThrow());
    }

    private static StoreDecision store(HttpCache<HttpResponse> cache, HttpGet request, Resource resource) {
        HttpResponse response = new HttpResponse(
                request.requestId(),
                request.url(),
                1000,
                resource.cacheControl(),
                resource.vary(),
                resource.personalisedFor(request),
                "origin");
        return cache.store(request.toCacheRequest(), response.toCacheResponse(), response, NOW);
    }
}
