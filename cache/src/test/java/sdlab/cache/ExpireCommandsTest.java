package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpireCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void aKeyDisappearsOnceItsTtlPasses() {
        // Lazy expiry: after the TTL the key reads as missing and counts as expired.
        f.run("SET k v EX 10");
        f.clock.advanceMillis(9_999);
        assertThat(f.run("GET k")).isEqualTo("\"v\"");
        f.clock.advanceMillis(1);
        assertThat(f.run("GET k")).isEqualTo("(nil)");
        assertThat(f.engine.keyspace().stats().expiredKeys()).isEqualTo(1);
    }

    @Test
    void ttlAndPttlReportRemainingTimeOrMinusOneOrMinusTwo() {
        // TTL: -2 for a missing key, -1 for no expiry, else seconds left (rounded); PTTL in ms.
        f.run("SET forever v");
        f.run("SET soon v PX 2500");
        assertThat(f.run("TTL missing")).isEqualTo("(integer) -2");
        assertThat(f.run("TTL forever")).isEqualTo("(integer) -1");
        assertThat(f.run("TTL soon")).isEqualTo("(integer) 3");
        assertThat(f.run("PTTL soon")).isEqualTo("(integer) 2500");
    }

    @Test
    void expireVariantsSetTheSameAbsoluteTime() {
        // EXPIRE, PEXPIRE, EXPIREAT and PEXPIREAT all set an absolute expiry.
        f.run("MSET a 1 b 1 c 1 d 1");
        f.run("EXPIRE a 10");
        f.run("PEXPIRE b 10000");
        f.call("EXPIREAT", "c", Long.toString(EngineFixture.START_MILLIS / 1000 + 10));
        f.call("PEXPIREAT", "d", Long.toString(EngineFixture.START_MILLIS + 10_000));
        for (String key : new String[] {"a", "b", "c", "d"}) {
            assertThat(f.run("PTTL " + key)).as(key).isEqualTo("(integer) 10000");
        }
    }

    @Test
    void expireOnAMissingKeyAnswersZeroAndAPastTimeDeletes() {
        // EXPIRE needs a key; a time already past deletes the key at once.
        assertThat(f.run("EXPIRE missing 10")).isEqualTo("(integer) 0");
        f.run("SET k v");
        assertThat(f.run("EXPIRE k -1")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS k")).isEqualTo("(integer) 0");
    }

    @Test
    void expireConditionsFollowRedisSeven() {
        // NX: only without TTL; XX: only with; GT: only later (no TTL is infinite); LT: only sooner.
        f.run("SET k v");
        assertThat(f.run("EXPIRE k 100 XX")).isEqualTo("(integer) 0");
        assertThat(f.run("EXPIRE k 100 GT")).isEqualTo("(integer) 0");
        assertThat(f.run("EXPIRE k 100 NX")).isEqualTo("(integer) 1");
        assertThat(f.run("EXPIRE k 50 NX")).isEqualTo("(integer) 0");
        assertThat(f.run("EXPIRE k 50 GT")).isEqualTo("(integer) 0");
        assertThat(f.run("EXPIRE k 200 GT")).isEqualTo("(integer) 1");
        assertThat(f.run("EXPIRE k 300 LT")).isEqualTo("(integer) 0");
        assertThat(f.run("EXPIRE k 20 LT")).isEqualTo("(integer) 1");
        assertThat(f.run("TTL k")).isEqualTo("(integer) 20");
        assertThat(f.run("EXPIRE k 1 NX XX"))
                .isEqualTo("(error) ERR NX and XX, GT or LT options at the same time are not compatible");
        assertThat(f.run("EXPIRE k 1 GT LT"))
                .isEqualTo("(error) ERR GT and LT options at the same time are not compatible");
        assertThat(f.run("EXPIRE k 1 FOO")).isEqualTo("(error) ERR Unsupported option FOO");
    }

    @Test
    void expireRejectsNonNumbersAndOverflow() {
        // Redis's words for a TTL that is not a number or would overflow.
        f.run("SET k v");
        assertThat(f.run("EXPIRE k abc")).isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("EXPIRE k 9223372036854775807"))
                .isEqualTo("(error) ERR invalid expire time in 'expire' command");
        assertThat(f.run("PEXPIRE k 9223372036854775807"))
                .isEqualTo("(error) ERR invalid expire time in 'pexpire' command");
    }

    @Test
    void persistRemovesTheTtl() {
        // PERSIST answers 1 when it removed a TTL, 0 otherwise.
        f.run("SET k v EX 10");
        assertThat(f.run("PERSIST k")).isEqualTo("(integer) 1");
        assertThat(f.run("PERSIST k")).isEqualTo("(integer) 0");
        assertThat(f.run("PERSIST missing")).isEqualTo("(integer) 0");
        assertThat(f.run("TTL k")).isEqualTo("(integer) -1");
    }

    @Test
    void activeExpiryRemovesKeysNobodyReads() {
        // The periodic cycle deletes expired keys without any lookup, until few stale ones remain.
        for (int i = 0; i < 1_000; i++) {
            f.run("SET temp:" + i + " v PX 100");
        }
        for (int i = 0; i < 100; i++) {
            f.run("SET keep:" + i + " v");
        }
        f.clock.advanceMillis(101);
        int expired = 0;
        for (int cycle = 0; cycle < 20; cycle++) {
            expired += f.engine.activeExpireCycle();
        }
        assertThat(expired).isGreaterThan(900);
        assertThat(f.engine.keyspace().size()).isLessThan(200);
        assertThat(f.engine.keyspace().stats().expiredKeys()).isEqualTo(expired);
    }
}
