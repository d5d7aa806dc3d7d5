package sdlab.shard.hot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value is served for its TTL after it was fetched, then missed; the entries stay within their bound. */
class TtlCacheTest {
    @Test
    void aValueIsServedUntilItsTtlRunsOut() {
        // Shows: a hit until 10 ns after the put, a miss from then on; a null value is a hit too (the key has none).
        TtlCache cache = new TtlCache(10, 4);
        cache.put("k", 7L, 100);
        cache.put("none", null, 100);

        assertThat(cache.get("k", 109)).isEqualTo(new TtlCache.Hit(7L));
        assertThat(cache.get("none", 105)).isEqualTo(new TtlCache.Hit(null));
        assertThat(cache.get("k", 110)).isNull();
        assertThat(cache.get("j", 100)).isNull();
    }

    @Test
    void aFullCacheDropsExpiredEntriesAndAdmitsNothingElse() {
        // Shows: the bound holds; an expired entry makes room, a fresh one does not.
        TtlCache cache = new TtlCache(10, 2);
        cache.put("a", 1L, 0);
        cache.put("b", 2L, 5);
        cache.put("c", 3L, 9);
        assertThat(cache.get("c", 9)).isNull();
        cache.put("c", 3L, 12);
        assertThat(cache.get("c", 12)).isEqualTo(new TtlCache.Hit(3L));
        assertThat(cache.entriesPeak()).isEqualTo(2);
    }
}
