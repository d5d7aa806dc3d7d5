package sdlab.traffic.httpcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store under the cache: least recently used entries go first, and the bytes held never pass the capacity. */
class SizeBoundedLruTest {

    @Test
    void theLeastRecentlyUsedEntryIsEvictedFirst() {
        // Shows: touching a makes b the eldest, so storing c evicts b and keeps a.
        SizeBoundedLru<String, String> lru = new SizeBoundedLru<>(10);
        lru.put("a", "A", 4);
        lru.put("b", "B", 4);
        lru.touch("a");
        assertThat(lru.put("c", "C", 4)).isEqualTo(new SizeBoundedLru.Put<>(true, List.of("b")));
        assertThat(lru.peek("a")).isEqualTo("A");
        assertThat(lru.peek("b")).isNull();
        assertThat(lru.usedBytes()).isEqualTo(8);
    }

    @Test
    void peekingDoesNotCountAsUse() {
        // Shows: a cache may look at candidates without promoting them; only touch changes the order.
        SizeBoundedLru<String, String> lru = new SizeBoundedLru<>(10);
        lru.put("a", "A", 4);
        lru.put("b", "B", 4);
        lru.peek("a");
        assertThat(lru.put("c", "C", 4).evicted()).containsExactly("a");
    }

    @Test
    void oneLargeEntryEvictsAsManySmallOnesAsItNeeds() {
        // Shows: the bound is bytes, not entries: a 9-byte entry pushes out three 3-byte ones, eldest first.
        SizeBoundedLru<String, String> lru = new SizeBoundedLru<>(10);
        lru.put("a", "A", 3);
        lru.put("b", "B", 3);
        lru.put("c", "C", 3);
        assertThat(lru.put("big", "BIG", 9).evicted()).containsExactly("a", "b", "c");
        assertThat(lru.size()).isEqualTo(1);
        assertThat(lru.usedBytes()).isEqualTo(9);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 1_000_000})
    void anEntryLargerThanTheCapacityIsRefusedAndDropsItsOldValue(long sizeBytes) {
        // Shows: a response bigger than the whole cache is not kept, and the key no longer serves its previous value.
        SizeBoundedLru<String, String> lru = new SizeBoundedLru<>(10);
        lru.put("a", "old", 4);
        lru.put("b", "B", 4);
        assertThat(lru.put("a", "huge", sizeBytes)).isEqualTo(new SizeBoundedLru.Put<>(false, List.of("a")));
        assertThat(lru.peek("a")).isNull();
        assertThat(lru.peek("b")).isEqualTo("B");
        assertThat(lru.usedBytes()).isEqualTo(4);
    }

    @Test
    void theHttpCacheEvictsByBytesAndForgetsEvictedVariants() {
        // Shows: through the cache: a third 400-byte page evicts the least recently served one from a 1000-byte cache.
        HttpCache<String> cache = new HttpCache<>(HttpCacheConfig.sharedCache(1000));
        Response page = Response.of(200, "max-age=60", "Accept-Language", 400);
        Request en = Request.get("/p", Map.of("Accept-Language", "en"));
        Request de = Request.get("/p", Map.of("Accept-Language", "de"));
        Request other = Request.get("/q", Map.of());
        cache.store(en, page, "en", 0);
        cache.store(de, page, "de", 0);
        assertThat(cache.lookup(en, 1).isHit()).isTrue();
        cache.store(other, page, "q", 2);
        assertThat(cache.lookup(de, 3)).isEqualTo(new Lookup.Miss<>(Lookup.MissReason.VARY_MISMATCH));
        assertThat(cache.lookup(en, 3).isHit()).isTrue();
        assertThat(cache.usedBytes()).isEqualTo(800);
        assertThat(cache.store(other, Response.of(200, "max-age=60", "Accept-Language", 1001), "huge", 4))
                .isEqualTo(StoreDecision.TOO_LARGE);
        assertThat(cache.lookup(other, 4)).isEqualTo(new Lookup.Miss<>(Lookup.MissReason.NOTHING_STORED));
    }
}
