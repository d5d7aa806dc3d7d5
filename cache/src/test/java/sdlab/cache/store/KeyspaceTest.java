package sdlab.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdlab.cache.FakeClock;

class KeyspaceTest {
    private final FakeClock clock = new FakeClock(1_000_000);
    private final Keyspace keyspace = new Keyspace(clock, new SplittableRandom(1), 0, EvictionSettings.defaults());

    @Test
    void usedMemoryIsTheSumOfEntrySizesAndReturnsToZero() {
        // Memory accounting is exact under add, change and delete: it ends where it started.
        Entry s = keyspace.db(0).add(Key.of("s"), StringValue.of("hello"));
        ListValue list = new ListValue();
        Entry l = keyspace.db(0).add(Key.of("l"), list);
        long before = keyspace.usedMemoryBytes();
        assertThat(before).isEqualTo(s.sizeBytes() + l.sizeBytes());
        Entry lw = keyspace.db(0).lookupWrite(Key.of("l"));
        list.pushTail(new byte[1000]);
        keyspace.valueChanged(lw);
        assertThat(keyspace.usedMemoryBytes()).isEqualTo(before + 8 + 16 + 1000);
        list.popTail();
        keyspace.valueChanged(lw);
        assertThat(keyspace.usedMemoryBytes()).isEqualTo(before);
        keyspace.delete(keyspace.db(0).lookupWrite(Key.of("s")));
        keyspace.delete(keyspace.db(0).lookupWrite(Key.of("l")));
        assertThat(keyspace.usedMemoryBytes()).isZero();
        assertThat(keyspace.peakMemoryBytes()).isEqualTo(before + 8 + 16 + 1000);
    }

    @Test
    void entrySizeFollowsTheDocumentedFormula() {
        // A string key costs entry + key object + key bytes + value object + value bytes, each array padded to 8.
        Entry e = keyspace.db(0).add(Key.of("abc"), StringValue.of("0123456789"));
        long expected = MemoryAccounting.ENTRY_BYTES + 16 + (16 + 8) + 16 + (16 + 16);
        assertThat(e.sizeBytes()).isEqualTo(expected);
    }

    @Test
    void readsCountHitsAndMissesButWritesDoNot() {
        // keyspace_hits and keyspace_misses count reads only, as in Redis.
        keyspace.db(0).add(Key.of("k"), StringValue.of("v"));
        keyspace.db(0).lookupRead(Key.of("k"));
        keyspace.db(0).lookupRead(Key.of("nope"));
        keyspace.db(0).lookupWrite(Key.of("k"));
        keyspace.db(0).lookupWrite(Key.of("nope"));
        assertThat(keyspace.stats().hits()).isEqualTo(1);
        assertThat(keyspace.stats().misses()).isEqualTo(1);
    }

    @Test
    void expiredKeysVanishOnLookupAndAreReportedToTheListener() {
        // Lazy expiry: the first lookup after the deadline deletes the key and tells the listener.
        StringBuilder expired = new StringBuilder();
        keyspace.setListener(new KeyspaceListener() {
            @Override
            public void keyExpired(int db, Key key) {
                expired.append(key);
            }

            @Override
            public void keyEvicted(int db, Key key) {}
        });
        Entry e = keyspace.db(0).add(Key.of("k"), StringValue.of("v"));
        keyspace.setExpiry(e, clock.getAsLong() + 10);
        clock.advanceMillis(10);
        assertThat(keyspace.size()).isEqualTo(1);
        assertThat(keyspace.db(0).lookupRead(Key.of("k"))).isNull();
        assertThat(keyspace.size()).isZero();
        assertThat(keyspace.volatileSize()).isZero();
        assertThat(expired.toString()).isEqualTo("k");
    }

    @Test
    void sameSeedSameEvictions() {
        // Determinism: the same seed and operations evict the same keys.
        assertThat(evictedKeys(5)).isEqualTo(evictedKeys(5));
        assertThat(evictedKeys(5)).isNotEqualTo(evictedKeys(6));
    }

    private String evictedKeys(long seed) {
        Keyspace k = new Keyspace(
                clock,
                new SplittableRandom(seed),
                20_000,
                EvictionSettings.defaults().withPolicy("allkeys-random"));
        StringBuilder evicted = new StringBuilder();
        k.setListener(new KeyspaceListener() {
            @Override
            public void keyExpired(int db, Key key) {}

            @Override
            public void keyEvicted(int db, Key key) {
                evicted.append(key).append(' ');
            }
        });
        for (int i = 0; i < 300; i++) {
            k.db(0).add(Key.of("key:" + i), StringValue.of("value"));
            k.evictToFit(100);
        }
        return evicted.toString();
    }
}
