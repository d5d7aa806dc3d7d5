package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StringCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void setThenGetReturnsTheValueAndMissingKeysAreNil() {
        // The basic contract: what SET stores, GET returns; a key never set is nil.
        assertThat(f.run("SET k v")).isEqualTo("OK");
        assertThat(f.run("GET k")).isEqualTo("\"v\"");
        assertThat(f.run("GET missing")).isEqualTo("(nil)");
    }

    @Test
    void commandNamesIgnoreCase() {
        // Redis accepts get, GET and gEt alike.
        f.run("set k v");
        assertThat(f.run("gEt k")).isEqualTo("\"v\"");
    }

    @Test
    void setNxAndXxOnlyWriteWhenTheKeyIsAbsentOrPresent() {
        // NX writes only new keys, XX only existing ones; a refused SET answers nil.
        assertThat(f.run("SET k a XX")).isEqualTo("(nil)");
        assertThat(f.run("SET k a NX")).isEqualTo("OK");
        assertThat(f.run("SET k b NX")).isEqualTo("(nil)");
        assertThat(f.run("SET k c XX")).isEqualTo("OK");
        assertThat(f.run("GET k")).isEqualTo("\"c\"");
        assertThat(f.run("SET k a NX XX")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void setGetReturnsTheOldValueAndRefusesOtherTypes() {
        // SET ... GET answers the previous value (nil if none) and WRONGTYPE for a non-string.
        assertThat(f.run("SET k a GET")).isEqualTo("(nil)");
        assertThat(f.run("SET k b GET")).isEqualTo("\"a\"");
        f.run("LPUSH list x");
        assertThat(f.run("SET list v GET"))
                .isEqualTo("(error) WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThat(f.run("TYPE list")).isEqualTo("list");
    }

    @Test
    void setWithExpiryOptionsSetsTheTtlAndKeepTtlKeepsIt() {
        // EX, PX, EXAT and PXAT all end in the same absolute expiry; KEEPTTL keeps it across SET.
        f.run("SET a v EX 10");
        f.run("SET b v PX 10000");
        f.call("SET", "c", "v", "EXAT", Long.toString(EngineFixture.START_MILLIS / 1000 + 10));
        f.call("SET", "d", "v", "PXAT", Long.toString(EngineFixture.START_MILLIS + 10_000));
        for (String key : new String[] {"a", "b", "c", "d"}) {
            assertThat(f.run("PTTL " + key)).as(key).isEqualTo("(integer) 10000");
        }
        f.run("SET a w KEEPTTL");
        assertThat(f.run("TTL a")).isEqualTo("(integer) 10");
        f.run("SET a x");
        assertThat(f.run("TTL a")).isEqualTo("(integer) -1");
    }

    @Test
    void setRejectsBadExpiriesWithRedisErrors() {
        // Non-numbers, zero, negatives and overflowing times are refused with Redis's words.
        assertThat(f.run("SET k v EX abc")).isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("SET k v EX 0")).isEqualTo("(error) ERR invalid expire time in 'set' command");
        assertThat(f.run("SET k v PX -1")).isEqualTo("(error) ERR invalid expire time in 'set' command");
        assertThat(f.run("SET k v EX 9223372036854775807"))
                .isEqualTo("(error) ERR invalid expire time in 'set' command");
        assertThat(f.run("SET k v EX 10 PX 10")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("SET k v EX 10 KEEPTTL")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("SET k v EX")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("EXISTS k")).isEqualTo("(integer) 0");
    }

    @Test
    void msetAndMgetWorkOnManyKeysAndMgetShowsOtherTypesAsNil() {
        // MSET sets pairs; MGET answers one value per key, nil for missing keys and non-strings.
        assertThat(f.run("MSET a 1 b 2")).isEqualTo("OK");
        f.run("SADD s m");
        assertThat(f.run("MGET a b missing s")).isEqualTo("[\"1\", \"2\", (nil), (nil)]");
        assertThat(f.run("MSET a 1 b")).isEqualTo("(error) ERR wrong number of arguments for 'mset' command");
    }

    @Test
    void incrementsParseStrictlyAndDetectOverflow() {
        // INCR family: missing keys count as 0, values must be canonical integers, overflow is refused.
        assertThat(f.run("INCR n")).isEqualTo("(integer) 1");
        assertThat(f.run("INCRBY n 41")).isEqualTo("(integer) 42");
        assertThat(f.run("DECR n")).isEqualTo("(integer) 41");
        assertThat(f.run("DECRBY n 50")).isEqualTo("(integer) -9");
        assertThat(f.run("GET n")).isEqualTo("\"-9\"");
        f.run("SET n 9223372036854775807");
        assertThat(f.run("INCR n")).isEqualTo("(error) ERR increment or decrement would overflow");
        for (String bad : new String[] {"abc", "1.5", "+1", "01", " 1", "-0", ""}) {
            f.call("SET", "x", bad);
            assertThat(f.run("INCR x")).as(bad).isEqualTo("(error) ERR value is not an integer or out of range");
        }
        assertThat(f.run("INCRBY n abc")).isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("DECRBY n -9223372036854775808")).isEqualTo("(error) ERR decrement would overflow");
    }

    @Test
    void incrementKeepsTheTtl() {
        // Unlike SET, INCR changes the value but not the key's expiry.
        f.run("SET n 1 EX 100");
        f.run("INCR n");
        assertThat(f.run("TTL n")).isEqualTo("(integer) 100");
    }

    @Test
    void appendAndStrlenWorkOnMissingAndExistingStrings() {
        // APPEND creates or extends and answers the new length; STRLEN of a missing key is 0.
        assertThat(f.run("APPEND k abc")).isEqualTo("(integer) 3");
        assertThat(f.run("APPEND k def")).isEqualTo("(integer) 6");
        assertThat(f.run("GET k")).isEqualTo("\"abcdef\"");
        assertThat(f.run("STRLEN k")).isEqualTo("(integer) 6");
        assertThat(f.run("STRLEN missing")).isEqualTo("(integer) 0");
    }

    @Test
    void setnxAndSetexAreTheOlderForms() {
        // SETNX sets only a missing key; SETEX sets with a TTL in seconds and refuses a zero TTL.
        assertThat(f.run("SETNX k a")).isEqualTo("(integer) 1");
        assertThat(f.run("SETNX k b")).isEqualTo("(integer) 0");
        assertThat(f.run("SETEX k 5 c")).isEqualTo("OK");
        assertThat(f.run("TTL k")).isEqualTo("(integer) 5");
        assertThat(f.run("SETEX k 0 c")).isEqualTo("(error) ERR invalid expire time in 'setex' command");
    }

    @Test
    void binaryValuesSurviveUnchanged() {
        // Keys and values are bytes, not text: every byte value round-trips.
        byte[] value = new byte[256];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) i;
        }
        f.engine.execute(f.session, new byte[][] {"SET".getBytes(), "bin".getBytes(), value});
        Reply reply = f.engine.execute(f.session, new byte[][] {"GET".getBytes(), "bin".getBytes()});
        assertThat(((Reply.Bulk) reply).bytes()).isEqualTo(value);
    }
}
