package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GETEX, GETDEL, GETSET, MSETNX, INCRBYFLOAT, GETRANGE and SETRANGE, with Redis 7.0's replies. */
class MoreStringCommandsTest {
    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";

    private final EngineFixture f = new EngineFixture();

    @Test
    void getexSetsOrRemovesTheExpiryAndRefusesConflictingOptions() {
        // GETEX answers the value like GET and changes only the TTL; two expiry options are a syntax error.
        f.run("SET k v");
        assertThat(f.run("GETEX k EX 100")).isEqualTo("\"v\"");
        assertThat(f.run("TTL k")).isEqualTo("(integer) 100");
        assertThat(f.run("GETEX k PERSIST")).isEqualTo("\"v\"");
        assertThat(f.run("TTL k")).isEqualTo("(integer) -1");
        assertThat(f.run("GETEX k EX 10 PX 10")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("GETEX k EX 0")).isEqualTo("(error) ERR invalid expire time in 'getex' command");
        assertThat(f.run("GETEX missing EX 0")).isEqualTo("(nil)");
        assertThat(f.run("GETEX k PXAT 1")).isEqualTo("\"v\"");
        assertThat(f.run("EXISTS k")).isEqualTo("(integer) 0");
    }

    @Test
    void getdelAndGetsetAnswerTheOldValue() {
        // GETDEL removes the key, GETSET replaces it and its TTL; both refuse other types.
        f.run("SET k v EX 100");
        assertThat(f.run("GETSET k w")).isEqualTo("\"v\"");
        assertThat(f.run("TTL k")).isEqualTo("(integer) -1");
        assertThat(f.run("GETDEL k")).isEqualTo("\"w\"");
        assertThat(f.run("GETDEL k")).isEqualTo("(nil)");
        f.run("RPUSH l x");
        assertThat(f.run("GETDEL l")).isEqualTo(WRONGTYPE);
        assertThat(f.run("GETSET l v")).isEqualTo(WRONGTYPE);
    }

    @Test
    void msetnxSetsAllKeysOrNone() {
        // One existing key stops the whole MSETNX.
        assertThat(f.run("MSETNX a 1 b 2")).isEqualTo("(integer) 1");
        assertThat(f.run("MSETNX b 3 c 4")).isEqualTo("(integer) 0");
        assertThat(f.run("MGET a b c")).isEqualTo("[\"1\", \"2\", (nil)]");
        assertThat(f.run("MSETNX a 1 b")).isEqualTo("(error) ERR wrong number of arguments for 'msetnx' command");
    }

    @Test
    void incrbyfloatPrintsLikeRedisAndRefusesWhatIsNotAFiniteNumber() {
        // Long double arithmetic, %.17Lf without trailing zeros; bad input and infinite results are errors.
        f.run("SET f 10.50");
        assertThat(f.run("INCRBYFLOAT f 0.1")).isEqualTo("\"10.6\"");
        assertThat(f.run("INCRBYFLOAT f -5")).isEqualTo("\"5.6\"");
        assertThat(f.run("INCRBYFLOAT g 5.0e3")).isEqualTo("\"5000\"");
        assertThat(f.run("INCRBYFLOAT g abc")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.call("INCRBYFLOAT", "g", " 1")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("INCRBYFLOAT g inf")).isEqualTo("(error) ERR increment would produce NaN or Infinity");
        f.run("SET s text");
        assertThat(f.run("INCRBYFLOAT s 1")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("GET g")).isEqualTo("\"5000\"");
    }

    @Test
    void getrangeClipsOffsetsAndNegativeOnesCountFromTheEnd() {
        // Inclusive ranges, clipped to the string; crossed or empty ranges give an empty string.
        f.call("SET", "s", "This is a string");
        assertThat(f.run("GETRANGE s 0 3")).isEqualTo("\"This\"");
        assertThat(f.run("GETRANGE s -3 -1")).isEqualTo("\"ing\"");
        assertThat(f.run("GETRANGE s 10 100")).isEqualTo("\"string\"");
        assertThat(f.run("GETRANGE s -1 -5")).isEqualTo("\"\"");
        assertThat(f.run("SUBSTR s -100 1")).isEqualTo("\"Th\"");
        assertThat(f.run("GETRANGE missing 0 -1")).isEqualTo("\"\"");
    }

    @Test
    void setrangePadsWithZeroBytesAndAnEmptyPatchCreatesNothing() {
        // SETRANGE past the end pads with NUL bytes; writing nothing leaves a missing key missing.
        assertThat(f.run("SETRANGE n 3 abc")).isEqualTo("(integer) 6");
        assertThat(f.run("GET n")).isEqualTo("\"\0\0\0abc\"");
        assertThat(f.call("SETRANGE", "e", "5", "")).isEqualTo("(integer) 0");
        assertThat(f.run("EXISTS e")).isEqualTo("(integer) 0");
        assertThat(f.run("SETRANGE n -1 x")).isEqualTo("(error) ERR offset is out of range");
        assertThat(f.run("SETRANGE n 536870912 x"))
                .isEqualTo("(error) ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    }

    @Test
    void setrangeKeepsTheTtlAndTellsWatch() {
        // A change in place keeps the expiry, and a WATCHing transaction sees it.
        f.run("SET k hello EX 100");
        ClientSession other = f.engine.newSession();
        f.engine.execute(other, new byte[][] {"WATCH".getBytes(), "k".getBytes()});
        f.run("SETRANGE k 0 J");
        assertThat(f.run("GET k")).isEqualTo("\"Jello\"");
        assertThat(f.run("TTL k")).isEqualTo("(integer) 100");
        f.engine.execute(other, new byte[][] {"MULTI".getBytes()});
        Reply exec = f.engine.execute(other, new byte[][] {"EXEC".getBytes()});
        assertThat(Replies.text(exec)).isEqualTo("(nil)");
    }
}
