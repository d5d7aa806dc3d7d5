package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RENAME, RENAMENX, COPY, RANDOMKEY, TOUCH, OBJECT, EXPIRETIME and PEXPIRETIME, with Redis 7.0's replies. */
class MoreKeyCommandsTest {
    private final EngineFixture f = new EngineFixture();
    private final long start = EngineFixture.START_MILLIS;

    @Test
    void renameMovesValueAndTtlAndRenamenxRefusesAnExistingTarget() {
        // The TTL travels with the value; a missing source is an error, not 0.
        f.run("SET a v EX 100");
        f.run("RPUSH b x");
        assertThat(f.run("RENAME a b")).isEqualTo("OK");
        assertThat(f.run("GET b")).isEqualTo("\"v\"");
        assertThat(f.run("TTL b")).isEqualTo("(integer) 100");
        assertThat(f.run("EXISTS a")).isEqualTo("(integer) 0");
        assertThat(f.run("RENAME a b")).isEqualTo("(error) ERR no such key");
        f.run("SET c 1");
        assertThat(f.run("RENAMENX b c")).isEqualTo("(integer) 0");
        assertThat(f.run("RENAMENX b d")).isEqualTo("(integer) 1");
        assertThat(f.run("RENAME d d")).isEqualTo("OK");
    }

    @Test
    void copyIsDeepAndOnlyReplacesWhenAsked() {
        // Changing the original after COPY leaves the copy alone; there is no database 16.
        f.run("SADD s x y");
        assertThat(f.run("COPY s t")).isEqualTo("(integer) 1");
        f.run("SREM s x");
        assertThat(f.run("SCARD t")).isEqualTo("(integer) 2");
        assertThat(f.run("COPY s t")).isEqualTo("(integer) 0");
        assertThat(f.run("COPY s t REPLACE")).isEqualTo("(integer) 1");
        assertThat(f.run("SCARD t")).isEqualTo("(integer) 1");
        assertThat(f.run("COPY s t DB 16")).isEqualTo("(error) ERR DB index is out of range");
        assertThat(f.run("COPY s s")).isEqualTo("(error) ERR source and destination objects are the same");
        assertThat(f.run("COPY missing u")).isEqualTo("(integer) 0");
    }

    @Test
    void renameAndCopyReplayToTheSameData() {
        // Logged as they came, RENAME and COPY rebuild the same keys with the same absolute expiries.
        f.run("SET a v EX 100");
        f.run("HSET h f v");
        f.run("RENAME a b");
        f.run("COPY b c");
        f.run("COPY h h2");
        f.run("RENAMENX h2 h");
        f.clock.advanceSeconds(10);
        assertThat(f.logged).contains("RENAME a b", "COPY b c", "COPY h h2").doesNotContain("RENAMENX h2 h");
        assertThat(ReplayCheck.dump(ReplayCheck.replayed(f))).isEqualTo(ReplayCheck.dump(f));
    }

    @Test
    void randomkeyDrawsFromTheSeedAndNeverAnswersAnExpiredKey() {
        // Every live key turns up in enough draws; an expired key is removed instead of answered.
        assertThat(f.run("RANDOMKEY")).isEqualTo("(nil)");
        f.run("MSET a 1 b 2 c 3");
        f.run("SET gone v PX 10");
        f.clock.advanceMillis(10);
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            drawn.add(f.run("RANDOMKEY"));
        }
        assertThat(drawn).containsExactlyInAnyOrder("\"a\"", "\"b\"", "\"c\"");
        assertThat(f.run("EXISTS gone")).isEqualTo("(integer) 0");
    }

    @Test
    void randomkeyRepeatsItsDrawsUnderTheSameSeed() {
        // Two engines with one seed and the same keys answer the same sequence of keys.
        EngineFixture twin = new EngineFixture();
        StringBuilder ours = new StringBuilder();
        StringBuilder theirs = new StringBuilder();
        f.run("MSET a 1 b 2 c 3 d 4");
        twin.run("MSET a 1 b 2 c 3 d 4");
        for (int i = 0; i < 20; i++) {
            ours.append(f.run("RANDOMKEY"));
            theirs.append(twin.run("RANDOMKEY"));
        }
        assertThat(ours.toString()).isEqualTo(theirs.toString());
    }

    @Test
    void touchCountsExistingKeysAndResetsTheirIdleTime() {
        // OBJECT IDLETIME grows with the fake clock and TOUCH sets it back to zero.
        f.run("SET a 1");
        f.clock.advanceSeconds(30);
        assertThat(f.run("OBJECT IDLETIME a")).isEqualTo("(integer) 30");
        assertThat(f.run("TOUCH a b a")).isEqualTo("(integer) 2");
        assertThat(f.run("OBJECT IDLETIME a")).isEqualTo("(integer) 0");
    }

    @Test
    void objectEncodingNamesRedis70sEncodingForTheSize() {
        // int, embstr up to 44 bytes, raw beyond; quicklist; listpack and intset while small.
        f.run("SET i 12");
        f.call("SET", "e", "a".repeat(44));
        f.call("SET", "r", "a".repeat(45));
        f.run("RPUSH l a");
        f.run("HSET h f v");
        f.call("HSET", "hb", "f", "v".repeat(65));
        f.run("SADD si 1 2");
        f.run("SADD sh a");
        assertThat(f.run("OBJECT ENCODING i")).isEqualTo("\"int\"");
        assertThat(f.run("OBJECT ENCODING e")).isEqualTo("\"embstr\"");
        assertThat(f.run("OBJECT ENCODING r")).isEqualTo("\"raw\"");
        assertThat(f.run("OBJECT ENCODING l")).isEqualTo("\"quicklist\"");
        assertThat(f.run("OBJECT ENCODING h")).isEqualTo("\"listpack\"");
        assertThat(f.run("OBJECT ENCODING hb")).isEqualTo("\"hashtable\"");
        assertThat(f.run("OBJECT ENCODING si")).isEqualTo("\"intset\"");
        assertThat(f.run("OBJECT ENCODING sh")).isEqualTo("\"hashtable\"");
        assertThat(f.run("OBJECT ENCODING missing")).isEqualTo("(nil)");
        assertThat(f.run("OBJECT REFCOUNT i")).isEqualTo("(integer) 2147483647");
        assertThat(f.run("OBJECT FREQ i")).startsWith("(error) ERR An LFU maxmemory policy is not selected");
        assertThat(f.run("OBJECT NOPE i")).isEqualTo("(error) ERR unknown subcommand 'NOPE'. Try OBJECT HELP.");
    }

    @Test
    void objectFreqAnswersUnderAnLfuPolicyAndIdletimeThenRefuses() {
        // Under allkeys-lfu a new key starts at counter 5, and idle time is not tracked.
        f.run("CONFIG SET maxmemory-policy allkeys-lfu");
        f.run("SET a 1");
        assertThat(f.run("OBJECT FREQ a")).isEqualTo("(integer) 5");
        assertThat(f.run("OBJECT IDLETIME a")).startsWith("(error) ERR An LFU maxmemory policy is selected");
    }

    @Test
    void expiretimeAnswersTheAbsoluteExpiry() {
        // Seconds are rounded to nearest as Redis does; -1 without expiry, -2 without key.
        f.run("SET a v");
        assertThat(f.run("EXPIRETIME a")).isEqualTo("(integer) -1");
        assertThat(f.run("PEXPIRETIME missing")).isEqualTo("(integer) -2");
        f.run("PEXPIRE a 1500");
        assertThat(f.run("PEXPIRETIME a")).isEqualTo("(integer) " + (start + 1500));
        assertThat(f.run("EXPIRETIME a")).isEqualTo("(integer) " + (start + 2000) / 1000);
    }
}
