package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP and LCS, with Redis 7.0's replies. */
class BitCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void setbitAnswersTheOldBitAndGrowsTheString() {
        // Bit 0 is the high bit of byte 0; setting bit 100 makes the string 13 bytes long.
        assertThat(f.run("SETBIT b 7 1")).isEqualTo("(integer) 0");
        assertThat(f.run("SETBIT b 7 0")).isEqualTo("(integer) 1");
        assertThat(f.run("SETBIT b 100 1")).isEqualTo("(integer) 0");
        assertThat(f.run("STRLEN b")).isEqualTo("(integer) 13");
        assertThat(f.run("GETBIT b 100")).isEqualTo("(integer) 1");
        assertThat(f.run("GETBIT b 1000")).isEqualTo("(integer) 0");
        assertThat(f.run("SETBIT b 4294967296 1"))
                .isEqualTo("(error) ERR bit offset is not an integer or out of range");
        assertThat(f.run("SETBIT b 0 2")).isEqualTo("(error) ERR bit is not an integer or out of range");
    }

    @Test
    void bitcountCountsBytesOrBitsRanges() {
        // "foobar" has 26 set bits; ranges are bytes by default and bits with BIT.
        f.run("SET k foobar");
        assertThat(f.run("BITCOUNT k")).isEqualTo("(integer) 26");
        assertThat(f.run("BITCOUNT k 1 1")).isEqualTo("(integer) 6");
        assertThat(f.run("BITCOUNT k 5 30 BIT")).isEqualTo("(integer) 17");
        assertThat(f.run("BITCOUNT k -1 -2")).isEqualTo("(integer) 0");
        assertThat(f.run("BITCOUNT k 0")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("BITCOUNT k 0 0 FOO")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("BITCOUNT missing 0")).isEqualTo("(integer) 0");
    }

    @Test
    void bitposFindsTheFirstBitAndTreatsTheRightAsZeroOnlyWithoutAnEnd() {
        // Looking for 0 in all ones answers the bit after the string, unless an end was given.
        f.run("SETBIT k 0 1");
        f.run("SETBIT k 1 1");
        assertThat(f.run("BITPOS k 0")).isEqualTo("(integer) 2");
        assertThat(f.run("BITPOS k 1 1 -1 BIT")).isEqualTo("(integer) 1");
        assertThat(f.run("BITPOS missing 0")).isEqualTo("(integer) 0");
        assertThat(f.run("BITPOS missing 1")).isEqualTo("(integer) -1");
        assertThat(f.run("BITPOS k 2")).isEqualTo("(error) ERR The bit argument must be 1 or 0.");
        f.run("SETBIT zero 7 0");
        f.run("BITOP NOT all zero");
        assertThat(f.run("BITPOS all 1")).isEqualTo("(integer) 0");
        assertThat(f.run("BITPOS all 0")).isEqualTo("(integer) 8");
        assertThat(f.run("BITPOS all 0 0 -1")).isEqualTo("(integer) -1");
    }

    @Test
    void bitopCombinesBytewiseAndAnEmptyResultDeletesTheTarget() {
        // Shorter sources count as zero-padded; NOT takes one source; no bytes means no key.
        f.run("SET a abc");
        f.run("SET b a");
        assertThat(f.run("BITOP AND d a b")).isEqualTo("(integer) 3");
        assertThat(f.run("GET d")).isEqualTo("\"a\0\0\"");
        assertThat(f.run("BITOP NOT d a b"))
                .isEqualTo("(error) ERR BITOP NOT must be called with a single source key.");
        assertThat(f.run("BITOP NAND d a")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("BITOP OR d missing")).isEqualTo("(integer) 0");
        assertThat(f.run("EXISTS d")).isEqualTo("(integer) 0");
    }

    @Test
    void lcsAnswersTheStringItsLengthOrTheMatchingRanges() {
        // Redis's example: ohmytext and mynewtext share "mytext", found as two ranges from the end backwards.
        f.run("MSET k1 ohmytext k2 mynewtext");
        assertThat(f.run("LCS k1 k2")).isEqualTo("\"mytext\"");
        assertThat(f.run("LCS k1 k2 LEN")).isEqualTo("(integer) 6");
        assertThat(f.run("LCS k1 k2 IDX MINMATCHLEN 4 WITHMATCHLEN"))
                .isEqualTo("[\"matches\", [[[4, 7], [5, 8], (integer) 4]], \"len\", (integer) 6]"
                        .replace("[4, 7]", "[(integer) 4, (integer) 7]")
                        .replace("[5, 8]", "[(integer) 5, (integer) 8]"));
        assertThat(f.run("LCS k1 k2 LEN IDX"))
                .isEqualTo("(error) ERR If you want both the length and indexes, please just use IDX.");
        f.run("RPUSH l x");
        assertThat(f.run("LCS k1 l")).isEqualTo("(error) ERR The specified keys must contain string values");
    }
}
