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
        assertThat(store.store(StoreMode.REPLACE, key("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        assertThat(store.store(StoreMode.APPEND, key("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        assertThat(store.store(StoreMode.ADD, key("k"), 5, 0, b("mid"), 0)).isEqualTo(StoreResult.STORED);
        assertThat(store.store(StoreMode.ADD, key("k"), 0, 0, b("x"), 0)).isEqualTo(StoreResult.NOT_STORED);
        store.store(StoreMode.APPEND, key("k"), 9, 0, b(">"), 0);
        store.store(StoreMode.PREPEND, key("k"), 9, 0, b("<"), 0);
        Item item = store.get(key("k"));
        assertThat(text(item.value())).isEqualTo("<mid>");
        assertThat(item.flags()).as("append keeps the flags").isEqualTo(5);
        assertThat(store.store(StoreMode.REPLACE, key("k"), 0, 0, b("new"), 0)).isEqualTo(StoreResult.STORED);
    }

    @Test
    void casSucceedsOnlyWithTheCurrentUnique() {
        // gets reports a unique; cas with a stale one answers EXISTS, with a missing key NOT_FOUND.
        store.store(StoreMode.SET, key("k"), 0, 0, b("a"), 0);
        long unique = store.get(key("k")).cas();
        store.store(StoreMode.SET, key("k"), 0, 0, b("b"), 0);
        assertThat(store.store(StoreMode.CAS, key("k"), 0, 0, b("c"), unique)).isEqualTo(StoreResult.EXISTS);
        long current = store.get(key("k")).cas();
        assertThat(store.store(StoreMode.CAS, key("k"), 0, 0, b("c"), current)).isEqualTo(StoreResult.STORED);
        assertThat(store.store(StoreMode.CAS, key("zz"), 0, 0, b("c"), 1)).isEqualTo(StoreResult.NOT_FOUND);
    }

    @Test
    void expiryTimesAreRelativeUpToThirtyDaysThenAbsolute() {
        // 10 means ten seconds; a large number is a Unix time; negative is already expired.
        store.store(StoreMode.SET, key("rel"), 0, 10, b("v"), 0);
        long inAnHour = clock.getAsLong() / 1000 + 3600;
        store.store(StoreMode.SET, key("abs"), 0, inAnHour, b("v"), 0);
        store.store(StoreMode.SET, key("neg"), 0, -1, b("v"), 0);
        store.store(StoreMode.SET, key("past"), 0, MemcachedStore.RELATIVE_EXPIRY_SECONDS_MAX + 1, b("v"), 0);
        assertThat(store.get(key("neg"))).isNull();
        assertThat(store.get(key("past"))).isNull();
        clock.advanceSeconds(10);
        assertThat(store.get(key("rel"))).isNull();
        assertThat(store.get(key("abs"))).isNotNull();
        clock.advanceSeconds(3600);
        assertThat(store.get(key("abs"))).isNull();
    }

    @Test
    void incrWrapsAroundAndDecrStopsAtZero() {
        // Unsigned 64-bit arithmetic on decimal data; non-numbers and missing keys are distinct answers.
        store.store(StoreMode.SET, key("n"), 0, 0, b("18446744073709551615"), 0);
        assertThat(store.increment(key("n"), 1, false)).isEqualTo(new IncrResult.Value(0));
        assertThat(store.increment(key("n"), 5, true)).isEqualTo(new IncrResult.Value(0));
        assertThat(store.increment(key("n"), 7, false)).isEqualTo(new IncrResult.Value(7));
        store.store(StoreMode.SET, key("s"), 0, 0, b("abc"), 0);
        assertThat(store.increment(key("s"), 1, false)).isInstanceOf(IncrResult.NonNumeric.class);
        assertThat(store.increment(key("none"), 1, false)).isInstanceOf(IncrResult.NotFound.class);
    }

    @Test
    void touchAndDeleteAndFlushAll() {
        // touch moves the expiry; delete removes; flush_all invalidates everything, at once or later.
        store.store(StoreMode.SET, key("k"), 0, 5, b("v"), 0);
        assertThat(store.touch(key("k"), 100)).isTrue();
        clock.advanceSeconds(50);
        assertThat(store.get(key("k"))).isNotNull();
        assertThat(store.delete(key("k"))).isTrue();
        assertThat(store.delete(key("k"))).isFalse();
        store.store(StoreMode.SET, key("a"), 0, 0, b("v"), 0);
        store.flushAll(10);
        assertThat(store.get(key("a"))).isNotNull();
        clock.advanceSeconds(10);
        assertThat(store.get(key("a"))).isNull();
        store.store(StoreMode.SET, key("b"), 0, 0, b("v"), 0);
        store.flushAll(0);
        assertThat(store.get(key("b"))).isNull();
        store.store(StoreMode.SET, key("c"), 0, 0, b("v"), 0);
        assertThat(store.get(key("c"))).as("stored after the flush").isNotNull();
    }

    @Test
    void tooLargeItemsAreRefusedAndMemoryIsBoundedByLruEviction() {
        // Items above the size limit are refused; past the memory limit the least recently used go.
        assertThat(store.store(StoreMode.SET, key("big"), 0, 0, new byte[1025], 0))
                .isEqualTo(StoreResult.TOO_LARGE);
        for (int i = 0; i < 5_000; i++) {
            store.store(StoreMode.SET, key("key" + i), 0, 0, new byte[1000], 0);
        }
        assertThat(store.bytes()).isLessThanOrEqualTo(1 << 20);
        assertThat(store.stats().evictions()).isPositive();
        assertThat(store.get(key("key4999"))).isNotNull();
        assertThat(store.get(key("key0"))).isNull();
    }

    @Test
    void aKeyReadRecentlyOutlivesKeysLeftUnread() {
        // The LRU is by access: reading a key makes it the last one evicted; overwriting counts its bytes once.
        MemcachedStore small = new MemcachedStore(9_000, 1024, 1, clock);
        for (int i = 0; i < 9; i++) {
            small.store(StoreMode.SET, key("k" + i), 0, 0, new byte[900], 0);
        }
        small.store(StoreMode.SET, key("k3"), 0, 0, new byte[900], 0);
        assertThat(small.bytes()).isEqualTo(9 * (48 + 2 + 900));
        assertThat(small.get(key("k0"))).isNotNull();
        small.store(StoreMode.SET, key("new"), 0, 0, new byte[900], 0);
        small.store(StoreMode.SET, key("new2"), 0, 0, new byte[900], 0);
        assertThat(small.get(key("k0"))).as("read just before").isNotNull();
        assertThat(small.get(key("k1"))).as("least recently used").isNull();
        assertThat(small.get(key("k2"))).as("next least recently used").isNull();
        assertThat(small.get(key("k3"))).as("overwritten, so used recently").isNotNull();
    }

    @Test
    void everyKeyIsFoundAndRemovableAsTheTablesGrow() {
        // 20,000 keys, binary ones among them, in 4 stripes: each found, each removed, none left.
        MemcachedStore big = new MemcachedStore(1L << 30, 1024, 4, clock);
        for (int i = 0; i < 20_000; i++) {
            big.store(StoreMode.SET, binaryKey(i), i, 0, b("v" + i), 0);
        }
        assertThat(big.itemCount()).isEqualTo(20_000);
        for (int i = 0; i < 20_000; i++) {
            assertThat(big.get(binaryKey(i)).flags()).isEqualTo(i);
        }
        for (int i = 0; i < 20_000; i += 2) {
            assertThat(big.delete(binaryKey(i))).isTrue();
        }
        assertThat(big.get(binaryKey(2))).isNull();
        assertThat(big.get(binaryKey(3))).isNotNull();
        assertThat(big.itemCount()).isEqualTo(10_000);
        big.flushAll(0);
        assertThat(big.itemCount()).isZero();
        assertThat(big.bytes()).isZero();
    }

    @Test
    void aKeyIsComparedByItsLengthNotJustItsBytes() {
        // An item's array holds its key and then its value, so "ab" holding "cd" starts with "abc":
        // the lookup of "abc" must not take the value's bytes for the rest of its key.
        store.store(StoreMode.SET, key("ab"), 0, 0, b("cd"), 0);
        assertThat(store.get(key("abc"))).isNull();
        assertThat(store.get(key("a"))).isNull();
        assertThat(text(store.get(key("ab")).value())).isEqualTo("cd");
    }

    @Test
    void anItemHandedOutKeepsItsValueAndFieldsWhenTheKeyChanges() {
        // Items are read after the stripe's lock is released, so a store, incr or touch must put
        // a new item in the key's place rather than change the one a reader holds.
        store.store(StoreMode.SET, key("n"), 7, 0, b("41"), 0);
        Item before = store.get(key("n"));
        store.increment(key("n"), 1, false);
        store.touch(key("n"), 100);
        store.store(StoreMode.APPEND, key("n"), 0, 0, b("0"), 0);
        assertThat(text(before.value())).isEqualTo("41");
        assertThat(before.expireAtMillis()).isZero();
        Item after = store.get(key("n"));
        assertThat(text(after.value())).isEqualTo("420");
        assertThat(after.flags()).isEqualTo(7);
        assertThat(after.expireAtMillis()).isEqualTo(clock.getAsLong() + 100_000);
        assertThat(after.cas()).isGreaterThan(before.cas());
    }

    /** Keys of 4 to 43 bytes, the number first, then control bytes as in memaslap's keys. */
    private static MemcachedKey binaryKey(int i) {
        byte[] bytes = new byte[4 + i % 40];
        java.util.Arrays.fill(bytes, (byte) 0x10);
        java.nio.ByteBuffer.wrap(bytes).putInt(i);
        return MemcachedKey.of(bytes);
    }

    @Test
    void concurrentIncrementsLoseNothing() throws InterruptedException {
        // The store is shared by the front door's threads: 8 threads x 1000 incr end at exactly 8000.
        store.store(StoreMode.SET, key("n"), 0, 0, b("0"), 0);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    store.increment(key("n"), 1, false);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(text(store.get(key("n")).value())).isEqualTo("8000");
    }

    private static MemcachedKey key(String text) {
        return MemcachedKey.of(b(text));
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
