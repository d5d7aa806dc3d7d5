package sdlab.cache.memcached;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.cache.FakeClock;

class MemcachedStoreTest {
    private final FakeClock clock = new FakeClock(1_700_000_000_000L);
    private final MemcachedStore store = new MemcachedStore(1 << 20, 1024, 4, clock);

    @Test
    void conditionalStoresFollowMemcached() {
        // add only creates, replace only overwrites, append/prepend only extend existing items.
        assertThat(store.store(StoreMode.REPLACE, b("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        assertThat(store.store(StoreMode.APPEND, b("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        assertThat(store.store(StoreMode.ADD, b("k"), 5, 0, b("mid"), 0)).isEqualTo(StoreResult.STORED);
        assertThat(store.store(StoreMode.ADD, b("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        store.store(StoreMode.APPEND, b("k"), 9, 0, b(">"), 0);
        store.store(StoreMode.PREPEND, b("k"), 9, 0, b("<"), 0);
        Item item = store.get(b("k"));
        assertThat(text(item.value())).isEqualTo("<mid>");
        assertThat(item.flags()).as("append keeps the flags").isEqualTo(5);
        assertThat(store.store(StoreMode.REPLACE, b("k"), 0, 0, b("new"), 0)).isEqualTo(StoreResult.STORED);
    }

    @Test
    void casSucceedsOnlyWithTheCurrentUnique() {
        // gets reports a unique; cas with a stale one answers EXISTS, with a missing key NOT_FOUND.
        store.store(StoreMode.SET, b("k"), 0, 0, b("a"), 0);
        long unique = store.get(b("k")).cas();
        store.store(StoreMode.SET, b("k"), 0, 0, b("b"), 0);
        assertThat(store.store(StoreMode.CAS, b("k"), 0, 0, b("c"), unique)).isEqualTo(StoreResult.EXISTS);
        long current = store.get(b("k")).cas();
        assertThat(store.store(StoreMode.CAS, b("k"), 0, 0, b("c"), current)).isEqualTo(StoreResult.STORED);
        assertThat(store.store(StoreMode.CAS, b("zz"), 0, 0, b("c"), 1)).isEqualTo(StoreResult.NOT_FOUND);
    }

    @Test
    void expiryTimesAreRelativeUpToThirtyDaysThenAbsolute() {
        // 10 means ten seconds; a large number is a Unix time; negative is already expired.
        store.store(StoreMode.SET, b("rel"), 0, 10, b("v"), 0);
        long inAnHour = clock.getAsLong() / 1000 + 3600;
        store.store(StoreMode.SET, b("abs"), 0, inAnHour, b("v"), 0);
        store.store(StoreMode.SET, b("neg"), 0, -1, b("v"), 0);
        store.store(StoreMode.SET, b("past"), 0, MemcachedStore.RELATIVE_EXPIRY_SECONDS_MAX + 1, b("v"), 0);
        assertThat(store.get(b("neg"))).isNull();
        assertThat(store.get(b("past"))).isNull();
        clock.advanceSeconds(10);
        assertThat(store.get(b("rel"))).isNull();
        assertThat(store.get(b("abs"))).isNotNull();
        clock.advanceSeconds(3600);
        assertThat(store.get(b("abs"))).isNull();
    }

    @Test
    void incrWrapsAroundAndDecrStopsAtZero() {
        // Unsigned 64-bit arithmetic on decimal data; non-numbers and missing keys are distinct answers.
        store.store(StoreMode.SET, b("n"), 0, 0, b("18446744073709551615"), 0);
        assertThat(store.increment(b("n"), 1, false)).isEqualTo(new IncrResult.Value(0));
        assertThat(store.increment(b("n"), 5, true)).isEqualTo(new IncrResult.Value(0));
        assertThat(store.increment(b("n"), 7, false)).isEqualTo(new IncrResult.Value(7));
        store.store(StoreMode.SET, b("s"), 0, 0, b("abc"), 0);
        assertThat(store.increment(b("s"), 1, false)).isInstanceOf(IncrResult.NonNumeric.class);
        assertThat(store.increment(b("none"), 1, false)).isInstanceOf(IncrResult.NotFound.class);
    }

    @Test
    void touchAndDeleteAndFlushAll() {
        // touch moves the expiry; delete removes; flush_all invalidates everything, at once or later.
        store.store(StoreMode.SET, b("k"), 0, 5, b("v"), 0);
        assertThat(store.touch(b("k"), 100)).isTrue();
        clock.advanceSeconds(50);
        assertThat(store.get(b("k"))).isNotNull();
        assertThat(store.delete(b("k"))).isTrue();
        assertThat(store.delete(b("k"))).isFalse();
        store.store(StoreMode.SET, b("a"), 0, 0, b("v"), 0);
        store.flushAll(10);
        assertThat(store.get(b("a"))).isNotNull();
        clock.advanceSeconds(10);
        assertThat(store.get(b("a"))).isNull();
        store.store(StoreMode.SET, b("b"), 0, 0, b("v"), 0);
        store.flushAll(0);
        assertThat(store.get(b("b"))).isNull();
        store.store(StoreMode.SET, b("c"), 0, 0, b("v"), 0);
        assertThat(store.get(b("c"))).as("stored after the flush").isNotNull();
    }

    @Test
    void tooLargeItemsAreRefusedAndMemoryIsBoundedByLruEviction() {
        // Items above the size limit are refused; past the memory limit the least recently used go.
        assertThat(store.store(StoreMode.SET, b("big"), 0, 0, new byte[1025], 0))
                .isEqualTo(StoreResult.TOO_LARGE);
        for (int i = 0; i < 5_000; i++) {
            store.store(StoreMode.SET, b("key" + i), 0, 0, new byte[1000], 0);
        }
        assertThat(store.bytes()).isLessThanOrEqualTo(1 << 20);
        assertThat(store.stats().evictions()).isPositive();
        assertThat(store.get(b("key4999"))).isNotNull();
        assertThat(store.get(b("key0"))).isNull();
    }

    @Test
    void concurrentIncrementsLoseNothing() throws InterruptedException {
        // The store is shared by the front door's threads: 8 threads x 1000 incr end at exactly 8000.
        store.store(StoreMode.SET, b("n"), 0, 0, b("0"), 0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    store.increment(b("n"), 1, false);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(text(store.get(b("n")).value())).isEqualTo("8000");
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
