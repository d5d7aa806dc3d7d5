package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.cache.store.EvictionSettings;
import sdlab.cache.store.LruMode;

class EvictionTest {
    private static final String VALUE = "x".repeat(100);

    /** An engine whose maxmemory holds about {@code capacityKeys} keys like "key:123" -> 100 bytes. */
    private static EngineFixture engine(String policy, LruMode mode, int capacityKeys, long seed) {
        EngineFixture probe = new EngineFixture();
        probe.run("SET key:100 " + VALUE);
        long perKey = probe.engine.keyspace().usedMemoryBytes();
        EvictionSettings settings =
                EvictionSettings.defaults().withPolicy(policy).withLruMode(mode);
        return new EngineFixture(
                CacheConfig.defaults().withMaxmemory(perKey * capacityKeys).withEviction(settings), seed);
    }

    @Test
    void noevictionRefusesWritesThatNeedMemoryButServesReadsAndDeletes() {
        // noeviction: once full, writes that would grow memory fail with Redis's OOM error.
        EngineFixture f = engine("noeviction", LruMode.SAMPLED, 10, 1);
        for (int i = 100; i < 111; i++) {
            f.run("SET key:" + i + " " + VALUE);
        }
        assertThat(f.run("SET key:999 " + VALUE))
                .isEqualTo("(error) OOM command not allowed when used memory > 'maxmemory'.");
        assertThat(f.run("GET key:100")).isEqualTo("\"" + VALUE + "\"");
        assertThat(f.run("DEL key:100")).isEqualTo("(integer) 1");
        assertThat(f.engine.keyspace().stats().evictedKeys()).isZero();
    }

    @Test
    void exactLruEvictsExactlyTheLeastRecentlyUsedKeys() {
        // Exact LRU: after touching the first half, new keys push out the untouched half, oldest first.
        EngineFixture f = engine("allkeys-lru", LruMode.EXACT, 20, 1);
        fill(f, 20);
        for (int i = 100; i < 110; i++) {
            f.clock.advanceMillis(1);
            f.run("GET key:" + i);
        }
        for (int i = 500; i < 510; i++) {
            f.clock.advanceMillis(1);
            f.run("SET key:" + i + " " + VALUE);
        }
        f.run("PING"); // evictions happen before the next command runs
        for (int i = 100; i < 110; i++) {
            assertThat(f.run("EXISTS key:" + i)).as("touched key:" + i).isEqualTo("(integer) 1");
        }
        assertThat(f.engine.keyspace().stats().evictedKeys()).isGreaterThanOrEqualTo(9);
        assertThat(f.run("EXISTS key:110")).isEqualTo("(integer) 0");
    }

    @Test
    void sampledLruMostlyKeepsRecentlyUsedKeys() {
        // Sampled LRU approximates: recently read keys survive far more often than idle ones.
        EngineFixture f = engine("allkeys-lru", LruMode.SAMPLED, 200, 7);
        fill(f, 200);
        for (int i = 100; i < 200; i++) {
            f.clock.advanceMillis(1);
            f.run("GET key:" + i);
        }
        for (int i = 1000; i < 1100; i++) {
            f.clock.advanceMillis(1);
            f.run("SET key:" + i + " " + VALUE);
        }
        f.run("PING");
        long touchedKept = IntStream.range(100, 200).filter(i -> exists(f, i)).count();
        long idleKept = IntStream.range(200, 300).filter(i -> exists(f, i)).count();
        assertThat(touchedKept).isGreaterThan(idleKept + 30);
    }

    @Test
    void volatilePoliciesOnlyEvictKeysWithATtl() {
        // volatile-lru leaves keys without TTL alone and reports OOM when only those are left.
        EngineFixture f = engine("volatile-lru", LruMode.SAMPLED, 10, 1);
        for (int i = 100; i < 105; i++) {
            f.run("SET key:" + i + " " + VALUE);
        }
        for (int i = 105; i < 110; i++) {
            f.run("SET key:" + i + " " + VALUE + " EX 1000");
        }
        for (int i = 200; i < 205; i++) {
            f.run("SET key:" + i + " " + VALUE);
        }
        for (int i = 100; i < 105; i++) {
            assertThat(exists(f, i)).as("persistent key:" + i).isTrue();
        }
        f.run("SET key:300 " + VALUE);
        assertThat(f.run("SET key:301 " + VALUE)).startsWith("(error) OOM");
    }

    @Test
    void volatileTtlEvictsTheKeysThatExpireSoonest() {
        // volatile-ttl: with enough samples to see every key, the shortest TTLs go first.
        EngineFixture f = engine("volatile-ttl", LruMode.SAMPLED, 10, 1);
        f.run("CONFIG SET maxmemory-samples 64");
        for (int i = 100; i < 110; i++) {
            f.run("SET key:" + i + " " + VALUE + " EX " + (1000 + i));
        }
        f.run("SET key:500 " + VALUE + " EX 5000");
        f.run("SET key:501 " + VALUE + " EX 5000");
        f.run("PING");
        assertThat(exists(f, 100)).isFalse();
        assertThat(exists(f, 101)).isFalse();
        assertThat(exists(f, 109)).isTrue();
    }

    @Test
    void allkeysRandomEvictsAndCountsEvictions() {
        // allkeys-random keeps memory under the limit and counts every eviction.
        EngineFixture f = engine("allkeys-random", LruMode.SAMPLED, 50, 3);
        fill(f, 200);
        f.run("PING");
        assertThat(f.engine.keyspace().usedMemoryBytes())
                .isLessThanOrEqualTo(f.engine.keyspace().maxmemoryBytes());
        assertThat(f.engine.keyspace().stats().evictedKeys())
                .isEqualTo(200 - f.engine.keyspace().size());
        assertThat(f.run("INFO stats"))
                .contains("evicted_keys:" + f.engine.keyspace().stats().evictedKeys());
    }

    @Test
    void lfuKeepsFrequentlyUsedKeysOverRecentlyUsedOnes() {
        // allkeys-lfu: keys read often survive a wave of new keys; keys read once do not.
        EngineFixture f = engine("allkeys-lfu", LruMode.SAMPLED, 100, 5);
        fill(f, 100);
        for (int round = 0; round < 50; round++) {
            for (int i = 100; i < 120; i++) {
                f.run("GET key:" + i);
            }
        }
        for (int i = 1000; i < 1150; i++) {
            f.run("SET key:" + i + " " + VALUE);
        }
        f.run("PING");
        long hotKept = IntStream.range(100, 120).filter(i -> exists(f, i)).count();
        assertThat(hotKept).isGreaterThanOrEqualTo(18);
    }

    @Test
    void exactLruWinsWhenReuseDistanceFitsInMemory() {
        // Every key is read again 45 keys later (89 distinct keys in between), in a 100-key memory: exact LRU always
        // hits,
        // sampled LRU sometimes evicts a key just before its reuse.
        double exact = hitRatio(LruMode.EXACT, reuseAfter(45, 2_000));
        double sampled = hitRatio(LruMode.SAMPLED, reuseAfter(45, 2_000));
        System.out.printf("reuse after 45 in 100 keys: exact %.3f sampled %.3f%n", exact, sampled);
        assertThat(exact).isGreaterThan(0.49);
        assertThat(sampled).isLessThan(exact - 0.02);
    }

    @Test
    void sampledLruWinsOnALoopLargerThanMemory() {
        // A cyclic scan over 150 keys with room for 100: exact LRU always evicts the next key needed
        // (zero hits); sampled LRU, being only approximately LRU, keeps a few by chance.
        List<Integer> loop = new ArrayList<>();
        for (int pass = 0; pass < 20; pass++) {
            for (int i = 0; i < 150; i++) {
                loop.add(i);
            }
        }
        double exact = hitRatio(LruMode.EXACT, loop);
        double sampled = hitRatio(LruMode.SAMPLED, loop);
        assertThat(exact).isZero();
        assertThat(sampled).isGreaterThan(0.01);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "allkeys-lru",
                "volatile-lru",
                "allkeys-lfu",
                "volatile-lfu",
                "allkeys-random",
                "volatile-random",
                "volatile-ttl"
            })
    void everyEvictingPolicyStaysWithinMaxmemory(String policy) {
        // Whatever the policy, once keys with a TTL exist memory never stays above the limit.
        EngineFixture f = engine(policy, LruMode.SAMPLED, 30, 11);
        for (int i = 100; i < 400; i++) {
            f.run("SET key:" + i + " " + VALUE + " EX 10000");
            f.run("PING");
            assertThat(f.engine.keyspace().usedMemoryBytes())
                    .isLessThanOrEqualTo(f.engine.keyspace().maxmemoryBytes());
        }
    }

    private static List<Integer> reuseAfter(int distance, int keys) {
        List<Integer> pattern = new ArrayList<>();
        for (int i = 0; i < keys + distance; i++) {
            if (i < keys) {
                pattern.add(i);
            }
            if (i >= distance) {
                pattern.add(i - distance);
            }
        }
        return pattern;
    }

    /** Cache-aside over the pattern: GET, and SET on a miss; returns hits / reads. */
    private static double hitRatio(LruMode mode, List<Integer> pattern) {
        EngineFixture f = engine("allkeys-lru", mode, 100, 99);
        for (int key : pattern) {
            f.clock.advanceMillis(1);
            if (f.run("GET key:" + (1000 + key)).equals("(nil)")) {
                f.run("SET key:" + (1000 + key) + " " + VALUE);
            }
        }
        return f.engine.keyspace().stats().hitRatio();
    }

    private static void fill(EngineFixture f, int keys) {
        for (int i = 100; i < 100 + keys; i++) {
            f.clock.advanceMillis(1);
            f.run("SET key:" + i + " " + VALUE);
        }
    }

    private static boolean exists(EngineFixture f, int i) {
        return f.engine.keyspace().db(0).contains(sdlab.cache.store.Key.of("key:" + i));
    }
}
