package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZPOPMIN, ZPOPMAX, ZMPOP, ZRANDMEMBER, ZSCAN, and the set algebra with WEIGHTS and AGGREGATE. */
class ZSetPopAndAlgebraTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void popsTakeFromEitherEndAndDeleteTheEmptiedKey() {
        // ZPOPMIN/ZPOPMAX answer member-score pairs; a count beyond the size takes all.
        f.run("ZADD z 1 a 2 b 3 c");
        assertThat(f.run("ZPOPMIN z")).isEqualTo("[\"a\", (double) 1]");
        assertThat(f.run("ZPOPMAX z 5")).isEqualTo("[\"c\", (double) 3, \"b\", (double) 2]");
        assertThat(f.run("EXISTS z")).isEqualTo("(integer) 0");
        assertThat(f.run("ZPOPMIN z")).isEqualTo("[]");
        assertThat(f.run("ZPOPMIN z -1")).isEqualTo("(error) ERR value is out of range, must be positive");
        assertThat(f.logged).containsExactly("ZADD z 1 a 2 b 3 c", "ZPOPMIN z", "ZPOPMAX z 5");
    }

    @Test
    void zmpopPopsFromTheFirstNonEmptyKeyAndIsLoggedAsAPop() {
        // ZMPOP skips missing keys, answers [key, [[member, score], ...]], and logs the ZPOPMIN it amounts to.
        f.run("ZADD z 1 a 2 b 3 c");
        assertThat(f.run("ZMPOP 2 none z MAX COUNT 2"))
                .isEqualTo("[\"z\", [[\"c\", (double) 3], [\"b\", (double) 2]]]");
        assertThat(f.run("ZMPOP 1 none MIN")).isEqualTo("(nil)");
        assertThat(f.run("ZMPOP 0 z MIN")).isEqualTo("(error) ERR numkeys should be greater than 0");
        assertThat(f.run("ZMPOP 1 z MIN COUNT 0")).isEqualTo("(error) ERR count should be greater than 0");
        assertThat(f.run("ZMPOP 1 z SIDEWAYS")).isEqualTo("(error) ERR syntax error");
        assertThat(f.logged).containsExactly("ZADD z 1 a 2 b 3 c", "ZPOPMAX z 2");
    }

    @Test
    void zrandmemberDrawsDistinctMembersForPositiveCountsAndRepeatsForNegative() {
        // A positive count gives distinct members (all if it covers the set); a negative one may repeat.
        f.run("ZADD z 1 a 2 b 3 c 4 d 5 e 6 f 7 g 8 h 9 i 10 j");
        for (int count = 1; count <= 12; count++) {
            Reply reply = f.reply("ZRANDMEMBER", "z", Integer.toString(count));
            java.util.List<Reply> items = ((Reply.Array) reply).items();
            assertThat(items).hasSize(Math.min(count, 10));
            assertThat(items.stream().map(Replies::text).distinct()).hasSize(items.size());
        }
        assertThat(((Reply.Array) f.reply("ZRANDMEMBER", "z", "-50")).items()).hasSize(50);
        assertThat(((Reply.Pairs) f.reply("ZRANDMEMBER", "z", "-3", "WITHSCORES")).flat())
                .hasSize(6);
        assertThat(f.run("ZRANDMEMBER missing")).isEqualTo("(nil)");
        assertThat(f.run("ZRANDMEMBER missing 5")).isEqualTo("[]");
        assertThat(f.run("ZRANDMEMBER z 1 NOSCORES")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void zscanReturnsEveryMemberWithItsScoreAndFiltersByPattern() {
        // One call covers the whole set (cursor 0 back), MATCH filters members.
        f.run("ZADD z 1 apple 2 avocado 3 banana");
        assertThat(f.run("ZSCAN z 0")).isEqualTo("[\"0\", [\"apple\", \"1\", \"avocado\", \"2\", \"banana\", \"3\"]]");
        assertThat(f.run("ZSCAN z 0 MATCH a* COUNT 1")).isEqualTo("[\"0\", [\"apple\", \"1\", \"avocado\", \"2\"]]");
        assertThat(f.run("ZSCAN z x")).isEqualTo("(error) ERR invalid cursor");
        assertThat(f.run("ZSCAN z 0 COUNT 0")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void unionSumsWeightedScoresAndAggregateChoosesMinOrMax() {
        // WEIGHTS multiply each source's scores, AGGREGATE combines them; plain sets count as score 1.
        f.run("ZADD x 1 a 2 b");
        f.run("ZADD y 10 b 20 c");
        f.run("SADD s a d");
        assertThat(f.run("ZUNIONSTORE u 2 x y WEIGHTS 2 1")).isEqualTo("(integer) 3");
        assertThat(f.run("ZRANGE u 0 -1 WITHSCORES"))
                .isEqualTo("[\"a\", (double) 2, \"b\", (double) 14, \"c\", (double) 20]");
        assertThat(f.run("ZUNION 2 x y AGGREGATE MAX WITHSCORES"))
                .isEqualTo("[\"a\", (double) 1, \"b\", (double) 10, \"c\", (double) 20]");
        assertThat(f.run("ZUNION 2 x s WITHSCORES"))
                .isEqualTo("[\"d\", (double) 1, \"a\", (double) 2, \"b\", (double) 2]");
        assertThat(f.run("ZUNION 2 x y WEIGHTS 1")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZUNION 2 x y WEIGHTS 1 z")).isEqualTo("(error) ERR weight value is not a float");
        assertThat(f.run("ZUNION 0 x")).isEqualTo("(error) ERR at least 1 input key is needed for 'zunion' command");
        assertThat(f.run("ZUNION 3 x y")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZUNIONSTORE u 1 x WITHSCORES")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void interKeepsMembersInEverySourceAndDiffThoseInTheFirstOnly() {
        // ZINTER aggregates common members, ZDIFF keeps the first set's scores, ZINTERCARD counts to its LIMIT.
        f.run("ZADD x 1 a 2 b 3 c");
        f.run("ZADD y 10 b 20 c 30 d");
        assertThat(f.run("ZINTER 2 x y WITHSCORES")).isEqualTo("[\"b\", (double) 12, \"c\", (double) 23]");
        assertThat(f.run("ZINTER 2 x y AGGREGATE MIN WITHSCORES")).isEqualTo("[\"b\", (double) 2, \"c\", (double) 3]");
        assertThat(f.run("ZINTERSTORE i 2 x missing")).isEqualTo("(integer) 0");
        assertThat(f.run("ZDIFF 2 x y WITHSCORES")).isEqualTo("[\"a\", (double) 1]");
        assertThat(f.run("ZDIFFSTORE d 2 y x")).isEqualTo("(integer) 1");
        assertThat(f.run("ZRANGE d 0 -1")).isEqualTo("[\"d\"]");
        assertThat(f.run("ZDIFF 2 x y AGGREGATE MIN")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZINTERCARD 2 x y")).isEqualTo("(integer) 2");
        assertThat(f.run("ZINTERCARD 2 x y LIMIT 1")).isEqualTo("(integer) 1");
        assertThat(f.run("ZINTERCARD 2 x y LIMIT -1")).isEqualTo("(error) ERR LIMIT can't be negative");
        f.run("SET str v");
        assertThat(f.run("ZUNION 2 x str"))
                .isEqualTo("(error) WRONGTYPE Operation against a key holding the wrong kind of value");
    }

    @Test
    void infinitiesThatCancelBecomeZeroInAggregatesAsInRedis() {
        // inf + -inf in a SUM, and 0 * inf from a weight, give 0 rather than NaN.
        f.run("ZADD x inf a");
        f.run("ZADD y -inf a");
        assertThat(f.run("ZUNION 2 x y WITHSCORES")).isEqualTo("[\"a\", (double) 0]");
        assertThat(f.run("ZUNION 1 x WEIGHTS 0 WITHSCORES")).isEqualTo("[\"a\", (double) 0]");
    }
}
