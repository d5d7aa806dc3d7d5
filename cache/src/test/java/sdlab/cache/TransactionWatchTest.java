package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.cache.store.EvictionSettings;

/** WATCH: EXEC answers a null array when a watched key was touched between WATCH and EXEC, by anyone or anything. */
class TransactionWatchTest {
    private final EngineFixture f = new EngineFixture();
    private final ClientSession other = f.engine.newSession();

    private String byOther(String command) {
        return Replies.text(f.engine.execute(other, argv(command)));
    }

    /** WATCH k, MULTI, SET k mine; then whatever {@code meanwhile} did decides EXEC. */
    private Reply watchedSet(Runnable meanwhile) {
        f.run("WATCH k");
        meanwhile.run();
        f.run("MULTI");
        f.run("SET k mine");
        return f.reply("EXEC");
    }

    @Test
    void anUntouchedWatchLetsExecRun() {
        // Nobody changed k: the transaction runs, and reads by others do not count as changes.
        f.run("SET k v");
        assertThat(watchedSet(() -> byOther("GET k"))).isEqualTo(new Reply.Array(List.of(Reply.OK)));
        assertThat(f.run("GET k")).isEqualTo("\"mine\"");
    }

    @Test
    void aChangeByAnotherClientFailsExecWithANullArray() {
        // Optimistic locking: another client's SET between WATCH and EXEC, even before MULTI, voids the transaction.
        f.run("SET k v");
        assertThat(watchedSet(() -> byOther("SET k theirs"))).isEqualTo(Reply.Nil.ARRAY);
        assertThat(f.run("GET k")).isEqualTo("\"theirs\"");
        assertThat(f.logged).containsExactly("SET k v", "SET k theirs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ZADD z 5 b", "ZINCRBY z 1 a", "ZREM z a", "ZPOPMIN z", "ZREMRANGEBYRANK z 0 0"})
    void aSortedSetChangeByAnotherClientFailsExec(String change) {
        // Sorted sets (merged beside transactions) touch their key like every other type.
        f.run("ZADD z 1 a");
        f.run("WATCH z");
        byOther(change);
        f.run("MULTI");
        f.run("ZADD z 2 c");
        assertThat(f.reply("EXEC")).isEqualTo(Reply.Nil.ARRAY);
    }

    @Test
    void aSortedSetReadByAnotherClientDoesNotFailExec() {
        // Reads are not changes: ZRANGE and ZSCORE leave the watch intact.
        f.run("ZADD z 1 a");
        f.run("WATCH z");
        byOther("ZRANGE z 0 -1 WITHSCORES");
        byOther("ZSCORE z a");
        f.run("MULTI");
        f.run("ZADD z 2 c");
        assertThat(f.reply("EXEC")).isEqualTo(new Reply.Array(List.of(Reply.integer(1))));
    }

    @Test
    void aChangeAfterMultiAlsoFailsExec() {
        // The watch holds until EXEC: a change while commands are being queued counts too.
        f.run("WATCH k");
        f.run("MULTI");
        f.run("SET k mine");
        byOther("LPUSH k x");
        assertThat(f.reply("EXEC")).isEqualTo(Reply.Nil.ARRAY);
        assertThat(f.run("TYPE k")).isEqualTo("list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET k w", "DEL k", "EXPIRE k 100", "APPEND k x", "INCR n", "SET k v"})
    void changesByTheWatchingClientItselfCountToo(String change) {
        // Redis counts any write to the key, this client's own included (INCR n touches another key: no effect).
        f.run("SET k v");
        f.run("WATCH k");
        f.run(change);
        f.run("MULTI");
        f.run("GET k");
        Reply reply = f.reply("EXEC");
        if (change.equals("INCR n")) {
            assertThat(reply).isInstanceOf(Reply.Array.class);
        } else {
            assertThat(reply).isEqualTo(Reply.Nil.ARRAY);
        }
    }

    @Test
    void aKeyWhoseTtlPassesFailsExecEvenIfNothingRemovedIt() {
        // The key was live when watched; at EXEC its TTL has passed: that is a change (Redis's isWatchedKeyExpired).
        f.run("SET k v PX 100");
        assertThat(watchedSet(() -> f.clock.advanceMillis(200))).isEqualTo(Reply.Nil.ARRAY);
    }

    @Test
    void aKeyRemovedByActiveExpiryFailsExec() {
        // The expiry cycle deletes the key between WATCH and EXEC.
        f.run("SET k v PX 100");
        assertThat(watchedSet(() -> {
                    f.clock.advanceMillis(200);
                    while (f.engine.keyspace().size() > 0) {
                        f.engine.activeExpireCycle();
                    }
                }))
                .isEqualTo(Reply.Nil.ARRAY);
    }

    @Test
    void aKeyAlreadyExpiredWhenWatchedIsNotChangedByItsRemoval() {
        // Redis 7.0: deleting a key that was logically gone when watched is no change; EXEC runs.
        f.run("SET k v PX 100");
        f.clock.advanceMillis(200);
        f.run("WATCH k");
        byOther("GET k"); // the lazy expiry removes it now
        f.run("MULTI");
        f.run("SET k mine");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FLUSHALL", "FLUSHDB"})
    void aFlushFailsExecIfTheWatchedKeyExisted(String flush) {
        // FLUSHALL and FLUSHDB touch every watched key that they delete; a watched key that did not exist is untouched.
        f.run("SET k v");
        assertThat(watchedSet(() -> byOther(flush))).isEqualTo(Reply.Nil.ARRAY);
        f.run(flush);
        f.run("WATCH missing");
        byOther(flush);
        f.run("MULTI");
        f.run("SET missing 1");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
    }

    @Test
    void anEvictedKeyFailsExec() {
        // Eviction to make room under maxmemory touches the key it removes.
        EngineFixture probe = new EngineFixture();
        probe.run("SET k " + "x".repeat(100) + " EX 1000");
        long oneKeyBytes = probe.engine.keyspace().usedMemoryBytes();
        EngineFixture small = new EngineFixture(
                CacheConfig.defaults()
                        .withMaxmemory(oneKeyBytes * 3 / 2)
                        .withEviction(EvictionSettings.defaults().withPolicy("volatile-random")),
                1);
        small.run("SET k " + "x".repeat(100) + " EX 1000"); // the only key with a TTL: volatile-random's only candidate
        small.run("WATCH k");
        small.run("SET j " + "y".repeat(100)); // the next command evicts k
        small.run("MULTI");
        assertThat(small.run("EXISTS k")).isEqualTo("QUEUED");
        assertThat(small.reply("EXEC")).isEqualTo(Reply.Nil.ARRAY);
        assertThat(small.engine.keyspace().stats().evictedKeys()).isEqualTo(1);
    }

    @Test
    void unwatchForgetsKeysAndABrokenWatch() {
        // After UNWATCH a touched key no longer matters.
        f.run("WATCH k");
        byOther("SET k theirs");
        assertThat(f.run("UNWATCH")).isEqualTo("OK");
        f.run("MULTI");
        f.run("SET k mine");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
        assertThat(f.engine.watches().watchedKeyCount()).isZero();
    }

    @Test
    void execAndDiscardEndTheWatch() {
        // A watch covers one transaction: after EXEC or DISCARD, changes to the key no longer fail the next one.
        f.run("WATCH k");
        f.run("MULTI");
        f.run("DISCARD");
        byOther("SET k theirs");
        f.run("MULTI");
        f.run("SET k mine");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
        f.run("WATCH k");
        f.run("MULTI");
        f.run("EXEC");
        byOther("SET k again");
        f.run("MULTI");
        assertThat(f.run("EXEC")).isEqualTo("[]");
        assertThat(f.engine.watches().watchedKeyCount()).isZero();
    }

    @Test
    void closingASessionDropsItsWatchesAndQueue() {
        // A disconnected client leaves nothing behind in the registry of watched keys.
        f.run("WATCH a b c");
        byOther("WATCH b");
        assertThat(f.engine.watches().watchedKeyCount()).isEqualTo(3);
        f.run("MULTI");
        f.run("SET a 1");
        f.engine.closeSession(f.session);
        assertThat(f.session.inTransaction()).isFalse();
        assertThat(f.engine.watches().watchedKeyCount()).isEqualTo(1);
        f.engine.closeSession(other);
        assertThat(f.engine.watches().watchedKeyCount()).isZero();
        assertThat(f.run("GET a")).isEqualTo("(nil)");
    }

    @Test
    void aClientWatchesABoundedNumberOfKeys() {
        // Past the per-client bound WATCH is refused whole, and the keys already watched stay watched.
        StringBuilder many = new StringBuilder("WATCH");
        for (int i = 0; i < WatchedKeys.KEYS_PER_CLIENT_MAX; i++) {
            many.append(" key:").append(i);
        }
        assertThat(f.run(many.toString())).isEqualTo("OK");
        assertThat(f.run("WATCH one-more")).startsWith("(error) ERR too many watched keys");
        assertThat(f.engine.watches().watchedKeyCount()).isEqualTo(WatchedKeys.KEYS_PER_CLIENT_MAX);
        assertThat(f.run("WATCH key:7"))
                .isEqualTo("(error) ERR too many watched keys: at most " + WatchedKeys.KEYS_PER_CLIENT_MAX
                        + " per client; UNWATCH or EXEC first");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void optimisticIncrementsByInterleavedClientsLoseNoUpdate(long seed) {
        // Property: two clients doing WATCH/GET/MULTI/SET/EXEC with retries, interleaved at random, count exactly.
        SplittableRandom random = new SplittableRandom(seed);
        ClientSession[] clients = {f.session, other};
        int[] step = new int[2];
        long[] seen = new long[2];
        int[] done = new int[2];
        int perClient = 20;
        f.run("SET counter 0");
        while (done[0] < perClient || done[1] < perClient) {
            int c = random.nextInt(2);
            if (done[c] == perClient) {
                c = 1 - c;
            }
            ClientSession s = clients[c];
            switch (step[c]) {
                case 0 -> run(s, "WATCH counter");
                case 1 ->
                    seen[c] = Long.parseLong(new String(
                            ((Reply.Bulk) f.engine.execute(s, argv("GET counter"))).bytes(), StandardCharsets.UTF_8));
                case 2 -> run(s, "MULTI");
                case 3 -> run(s, "SET counter " + (seen[c] + 1));
                default -> {
                    if (f.engine.execute(s, argv("EXEC")) instanceof Reply.Array) {
                        done[c]++;
                    }
                }
            }
            step[c] = (step[c] + 1) % 5;
        }
        assertThat(f.run("GET counter")).isEqualTo("\"" + 2 * perClient + "\"");
    }

    private void run(ClientSession s, String command) {
        f.engine.execute(s, argv(command));
    }

    private static byte[][] argv(String command) {
        String[] args = command.split(" ");
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return argv;
    }
}
