package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;

/** The HTTP rules the edge and the browsers follow: what may be kept, under which key, and what a URL is. */
class HttpCachingTest {
    private static final HttpGet ALICE = new HttpGet(1, "/art/t3", "u1", 2);
    private static final HttpGet BOB = new HttpGet(2, "/art/t3", "u2", 3);

    @Test
    void aStandardEdgeKeysVariedResponsesByTheVariedHeaders() {
        // Shows: two users in different taste segments get different keys for the same artwork URL.
        List<String> vary = new Resource.Artwork(3).cacheControl().vary();
        assertThat(EdgePolicy.STANDARD.key(ALICE, vary)).isEqualTo("/art/t3|X-Taste-Segment=2");
        assertThat(EdgePolicy.STANDARD.key(ALICE, vary)).isNotEqualTo(EdgePolicy.STANDARD.key(BOB, vary));
        assertThat(EdgePolicy.URL_ONLY.key(ALICE, vary)).isEqualTo(EdgePolicy.URL_ONLY.key(BOB, vary));
    }

    @Test
    void aSharedCacheKeepsNoPrivateResponseUnlessConfiguredToCacheEverything() {
        // Shows: the home page is private: a standard edge passes it through; a cache-everything edge keeps it.
        CacheControl home = new Resource.Home().cacheControl();
        assertThat(home.privateOnly()).isTrue();
        assertThat(EdgePolicy.STANDARD.keeps(home)).isFalse();
        assertThat(EdgePolicy.URL_ONLY.keeps(home)).isTrue();
        assertThat(EdgePolicy.OFF.keeps(new Resource.Segment(1, 0).cacheControl()))
                .isFalse();
        assertThat(EdgePolicy.STANDARD.keeps(new Resource.Segment(1, 0).cacheControl()))
                .isTrue();
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
    void anLruWithABudgetEvictsTheLeastRecentlyUsedAndRefusesWhatCannotFit() {
        // Shows: the budget bounds the sizes held; a touched entry survives an eviction its neighbour does not.
        SizedLru<String, String> lru = new SizedLru<>(10);
        lru.put("a", "A", 4);
        lru.put("b", "B", 4);
        assertThat(lru.get("a")).isEqualTo("A");
        lru.put("c", "C", 4);
        assertThat(lru.get("b")).isNull();
        assertThat(lru.get("a")).isEqualTo("A");
        assertThat(lru.used()).isEqualTo(8);
        lru.put("huge", "H", 11);
        assertThat(lru.get("huge")).isNull();
        assertThat(lru.size()).isEqualTo(2);
    }

    @Test
    void rowsLiveInPagesOfTheirTable() {
        // Shows: the buffer pool's unit: sixteen users or eight titles share a page.
        assertThat(DatabaseNode.pageOf("user:u17")).isEqualTo("users/1");
        assertThat(DatabaseNode.pageOf("title:t7")).isEqualTo("titles/0");
        assertThat(DatabaseNode.pageOf("recs:3")).isEqualTo("recs/3");
    }
}
