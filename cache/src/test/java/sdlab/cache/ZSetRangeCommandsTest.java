package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ZRANGE in all its forms, ZRANGESTORE, ZCOUNT, ZLEXCOUNT and the ZREMRANGEBY* removals. */
class ZSetRangeCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @BeforeEach
    void leaderboard() {
        f.run("ZADD z 1 a 2 b 3 c 4 d 5 e");
    }

    @Test
    void rankRangesCountFromEitherEndAndClampLikeLrange() {
        // Negative ranks count from the end, out-of-range bounds clamp, inverted ranges are empty.
        assertThat(f.run("ZRANGE z 0 1")).isEqualTo("[\"a\", \"b\"]");
        assertThat(f.run("ZRANGE z -2 -1")).isEqualTo("[\"d\", \"e\"]");
        assertThat(f.run("ZRANGE z -100 0")).isEqualTo("[\"a\"]");
        assertThat(f.run("ZRANGE z 3 1")).isEqualTo("[]");
        assertThat(f.run("ZRANGE z 5 10")).isEqualTo("[]");
        assertThat(f.run("ZREVRANGE z 0 1 WITHSCORES")).isEqualTo("[\"e\", (double) 5, \"d\", (double) 4]");
        assertThat(f.run("ZRANGE z 0 1 REV")).isEqualTo("[\"e\", \"d\"]");
        assertThat(f.run("ZRANGE missing 0 -1")).isEqualTo("[]");
    }

    @Test
    void scoreRangesTakeExclusiveBoundsInfinitiesAndLimit() {
        // ( excludes an end, -inf/+inf are open, LIMIT pages through, REV swaps min and max.
        assertThat(f.run("ZRANGEBYSCORE z 2 4")).isEqualTo("[\"b\", \"c\", \"d\"]");
        assertThat(f.run("ZRANGEBYSCORE z (2 (4")).isEqualTo("[\"c\"]");
        assertThat(f.run("ZRANGEBYSCORE z -inf +inf LIMIT 1 2")).isEqualTo("[\"b\", \"c\"]");
        assertThat(f.run("ZRANGEBYSCORE z -inf +inf LIMIT 4 -1")).isEqualTo("[\"e\"]");
        assertThat(f.run("ZRANGEBYSCORE z -inf +inf LIMIT -1 2")).isEqualTo("[]");
        assertThat(f.run("ZRANGE z (1 4 BYSCORE WITHSCORES"))
                .isEqualTo("[\"b\", (double) 2, \"c\", (double) 3, \"d\", (double) 4]");
        assertThat(f.run("ZREVRANGEBYSCORE z 4 (1 LIMIT 0 2")).isEqualTo("[\"d\", \"c\"]");
        assertThat(f.run("ZRANGE z +inf -inf BYSCORE REV LIMIT 1 1")).isEqualTo("[\"d\"]");
        assertThat(f.run("ZRANGEBYSCORE z 4 2")).isEqualTo("[]");
        assertThat(f.run("ZRANGEBYSCORE z (3 (3")).isEqualTo("[]");
        assertThat(f.run("ZCOUNT z (1 +inf")).isEqualTo("(integer) 4");
        assertThat(f.run("ZCOUNT z 6 9")).isEqualTo("(integer) 0");
        assertThat(f.run("ZCOUNT missing -inf +inf")).isEqualTo("(integer) 0");
    }

    @Test
    void lexRangesCompareMemberBytesWhenScoresAreEqual() {
        // BYLEX with [ inclusive, ( exclusive, - and + as the ends; all scores equal as Redis requires.
        f.run("ZADD l 0 apple 0 banana 0 cherry 0 date");
        assertThat(f.run("ZRANGEBYLEX l - +")).isEqualTo("[\"apple\", \"banana\", \"cherry\", \"date\"]");
        assertThat(f.run("ZRANGEBYLEX l [banana (date")).isEqualTo("[\"banana\", \"cherry\"]");
        assertThat(f.run("ZRANGEBYLEX l (b + LIMIT 1 5")).isEqualTo("[\"cherry\", \"date\"]");
        assertThat(f.run("ZREVRANGEBYLEX l + [b")).isEqualTo("[\"date\", \"cherry\", \"banana\"]");
        assertThat(f.run("ZRANGE l [cherry - BYLEX REV")).isEqualTo("[\"cherry\", \"banana\", \"apple\"]");
        assertThat(f.run("ZRANGEBYLEX l + -")).isEqualTo("[]");
        assertThat(f.run("ZLEXCOUNT l [b [d")).isEqualTo("(integer) 2");
        assertThat(f.run("ZLEXCOUNT l - +")).isEqualTo("(integer) 4");
    }

    @Test
    void malformedRangesGetRedisErrors() {
        // Each bad range or option combination gets redis-server 7.0's text.
        assertThat(f.run("ZRANGEBYSCORE z x 1")).isEqualTo("(error) ERR min or max is not a float");
        assertThat(f.run("ZCOUNT z ((1 2")).isEqualTo("(error) ERR min or max is not a float");
        assertThat(f.run("ZRANGEBYLEX z a b")).isEqualTo("(error) ERR min or max not valid string range item");
        assertThat(f.run("ZLEXCOUNT z -a +")).isEqualTo("(error) ERR min or max not valid string range item");
        assertThat(f.run("ZRANGE z 0 x")).isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("ZRANGE z 0 1 LIMIT 0 1"))
                .isEqualTo(
                        "(error) ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
        assertThat(f.run("ZRANGE z - + BYLEX WITHSCORES"))
                .isEqualTo("(error) ERR syntax error, WITHSCORES not supported in combination with BYLEX");
        assertThat(f.run("ZRANGE z 0 1 BYSCORE BYLEX")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZRANGEBYSCORE z 0 1 REV")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZRANGEBYSCORE z 0 1 LIMIT 1")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZRANGEBYSCORE z 0 1 LIMIT x 1"))
                .isEqualTo("(error) ERR value is not an integer or out of range");
        assertThat(f.run("ZRANGESTORE d z 0 1 WITHSCORES")).isEqualTo("(error) ERR syntax error");
    }

    @Test
    void zrangestoreKeepsScoresAndAnEmptyResultDeletesTheDestination() {
        // The stored set has the source's scores; storing nothing removes what was at the destination.
        assertThat(f.run("ZRANGESTORE d z (1 3 BYSCORE")).isEqualTo("(integer) 2");
        assertThat(f.run("ZRANGE d 0 -1 WITHSCORES")).isEqualTo("[\"b\", (double) 2, \"c\", (double) 3]");
        f.run("SET s v");
        assertThat(f.run("ZRANGESTORE s z 0 0")).isEqualTo("(integer) 1");
        assertThat(f.run("TYPE s")).isEqualTo("zset");
        assertThat(f.run("ZRANGESTORE d z 10 20")).isEqualTo("(integer) 0");
        assertThat(f.run("EXISTS d")).isEqualTo("(integer) 0");
    }

    @Test
    void removeRangesByRankScoreAndLexAndDeleteAnEmptiedKey() {
        // Each removal answers how many members went; the key goes with its last member.
        assertThat(f.run("ZREMRANGEBYRANK z 0 0")).isEqualTo("(integer) 1");
        assertThat(f.run("ZREMRANGEBYSCORE z (2 3")).isEqualTo("(integer) 1");
        assertThat(f.run("ZRANGE z 0 -1")).isEqualTo("[\"b\", \"d\", \"e\"]");
        assertThat(f.run("ZREMRANGEBYSCORE z x 1")).isEqualTo("(error) ERR min or max is not a float");
        assertThat(f.run("ZREMRANGEBYRANK missing 0 -1")).isEqualTo("(integer) 0");
        f.run("ZADD l 0 a 0 b 0 c");
        assertThat(f.run("ZREMRANGEBYLEX l (a +")).isEqualTo("(integer) 2");
        assertThat(f.run("ZREMRANGEBYRANK z -1 -1")).isEqualTo("(integer) 1");
        assertThat(f.run("ZREMRANGEBYRANK z 0 -1")).isEqualTo("(integer) 2");
        assertThat(f.run("EXISTS z")).isEqualTo("(integer) 0");
    }
}
