package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZADD and its flags, ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE, ZRANK and ZREVRANK, with Redis 7.0's replies and errors. */
class ZSetCommandsTest {
    private static final String WRONGTYPE = "(error) WRONGTYPE Operation against a key holding the wrong kind of value";

    private final EngineFixture f = new EngineFixture();

    @Test
    void zaddCountsNewMembersAndUpdatesScoresOfOldOnes() {
        // ZADD answers how many members are new; an existing member only changes its score.
        assertThat(f.run("ZADD z 1 a 2 b")).isEqualTo("(integer) 2");
        assertThat(f.run("ZADD z 3 a 4 c")).isEqualTo("(integer) 1");
        assertThat(f.run("ZSCORE z a")).isEqualTo("(double) 3");
        assertThat(f.run("ZCARD z")).isEqualTo("(integer) 3");
        assertThat(f.run("ZRANGE z 0 -1 WITHSCORES"))
                .isEqualTo("[\"b\", (double) 2, \"a\", (double) 3, \"c\", (double) 4]");
        assertThat(f.run("TYPE z")).isEqualTo("zset");
    }

    @Test
    void nxXxGtLtAndChSelectWhichMembersChangeAndWhatIsCounted() {
        // NX only adds, XX only updates, GT/LT only move scores one way but still add, CH counts updates too.
        f.run("ZADD z 5 a");
        assertThat(f.run("ZADD z NX 1 a 1 b")).isEqualTo("(integer) 1");
        assertThat(f.run("ZSCORE z a")).isEqualTo("(double) 5");
        assertThat(f.run("ZADD z XX 6 a 1 c")).isEqualTo("(integer) 0");
        assertThat(f.run("ZSCORE z a")).isEqualTo("(double) 6");
        assertThat(f.run("ZSCORE z c")).isEqualTo("(nil)");
        assertThat(f.run("ZADD z GT CH 4 a 9 b 1 d")).isEqualTo("(integer) 2");
        assertThat(f.run("ZMSCORE z a b d")).isEqualTo("[(double) 6, (double) 9, (double) 1]");
        assertThat(f.run("ZADD z LT CH 7 a 2 b")).isEqualTo("(integer) 1");
        assertThat(f.run("ZSCORE z b")).isEqualTo("(double) 2");
        assertThat(f.run("ZADD z XX 1 nope")).isEqualTo("(integer) 0");
        assertThat(f.run("ZADD missing XX 1 a")).isEqualTo("(integer) 0");
        assertThat(f.run("EXISTS missing")).isEqualTo("(integer) 0");
    }

    @Test
    void incrAddsToTheScoreAndAnswersItOrNilWhenAFlagStopsIt() {
        // ZADD INCR behaves like ZINCRBY and answers the new score; nil if NX/XX/GT/LT skipped it.
        assertThat(f.run("ZADD z INCR 1.5 a")).isEqualTo("(double) 1.5");
        assertThat(f.run("ZADD z INCR 1.5 a")).isEqualTo("(double) 3");
        assertThat(f.run("ZADD z NX INCR 1 a")).isEqualTo("(nil)");
        assertThat(f.run("ZADD z GT INCR -1 a")).isEqualTo("(nil)");
        assertThat(f.run("ZINCRBY z 2 a")).isEqualTo("(double) 5");
        assertThat(f.run("ZINCRBY z 0.1 new")).isEqualTo("(double) 0.10000000000000001");
        assertThat(f.run("ZINCRBY z +inf a")).isEqualTo("(double) inf");
        assertThat(f.run("ZINCRBY z -inf a")).isEqualTo("(error) ERR resulting score is not a number (NaN)");
        assertThat(f.run("ZADD z INCR -inf a")).isEqualTo("(error) ERR resulting score is not a number (NaN)");
        assertThat(f.run("ZSCORE z a")).isEqualTo("(double) inf");
    }

    @Test
    void badArgumentsGetRedisErrorTexts() {
        // Each malformed ZADD gets the error redis-server 7.0 sends, and nothing is written.
        assertThat(f.run("ZADD z NX XX 1 a"))
                .isEqualTo("(error) ERR XX and NX options at the same time are not compatible");
        assertThat(f.run("ZADD z GT LT 1 a"))
                .isEqualTo("(error) ERR GT, LT, and/or NX options at the same time are not compatible");
        assertThat(f.run("ZADD z NX GT 1 a"))
                .isEqualTo("(error) ERR GT, LT, and/or NX options at the same time are not compatible");
        assertThat(f.run("ZADD z INCR 1 a 2 b"))
                .isEqualTo("(error) ERR INCR option supports a single increment-element pair");
        assertThat(f.run("ZADD z 1 a 2")).isEqualTo("(error) ERR syntax error");
        assertThat(f.run("ZADD z x a")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("ZADD z nan a")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("ZADD z 1e400 a")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("ZADD z 1.5f a")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("ZINCRBY z x a")).isEqualTo("(error) ERR value is not a valid float");
        assertThat(f.run("ZADD z")).isEqualTo("(error) ERR wrong number of arguments for 'zadd' command");
        assertThat(f.run("EXISTS z")).isEqualTo("(integer) 0");
        assertThat(f.logged).isEmpty();
    }

    @Test
    void scoresAcceptRedisSpellingsAndPrintLikeRedis() {
        // -inf/+inf/infinity, exponents and signs parse; replies print as %.17g does.
        f.run("ZADD z -inf a +infinity b 1e3 c -2.50 d 0.1 e 1e20 f");
        assertThat(f.run("ZRANGE z 0 -1 WITHSCORES"))
                .isEqualTo("[\"a\", (double) -inf, \"d\", (double) -2.5, \"e\", (double) 0.10000000000000001, "
                        + "\"c\", (double) 1000, \"f\", (double) 1e+20, \"b\", (double) inf]");
    }

    @Test
    void zremDeletesMembersAndAnEmptiedKey() {
        // ZREM answers how many members it removed; the key disappears with its last member.
        f.run("ZADD z 1 a 2 b");
        assertThat(f.run("ZREM z a nope")).isEqualTo("(integer) 1");
        assertThat(f.run("ZREM missing a")).isEqualTo("(integer) 0");
        assertThat(f.run("ZREM z b")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS z")).isEqualTo("(integer) 0");
        assertThat(f.run("ZCARD z")).isEqualTo("(integer) 0");
    }

    @Test
    void ranksCountFromEitherEndAndTiesSortByMember() {
        // Equal scores order by member bytes; ZREVRANK counts from the highest.
        f.run("ZADD z 1 b 1 a 0 c");
        assertThat(f.run("ZRANK z c")).isEqualTo("(integer) 0");
        assertThat(f.run("ZRANK z a")).isEqualTo("(integer) 1");
        assertThat(f.run("ZRANK z b")).isEqualTo("(integer) 2");
        assertThat(f.run("ZREVRANK z b")).isEqualTo("(integer) 0");
        assertThat(f.run("ZRANK z nope")).isEqualTo("(nil)");
        assertThat(f.run("ZRANK missing a")).isEqualTo("(nil)");
        assertThat(f.run("ZMSCORE missing a b")).isEqualTo("[(nil), (nil)]");
    }

    @Test
    void otherTypesAreRefusedAndZsetsRefuseOtherCommands() {
        // Sorted-set commands on a string are WRONGTYPE, as are string commands on a sorted set.
        f.run("SET s v");
        f.run("ZADD z 1 a");
        assertThat(f.run("ZADD s 1 a")).isEqualTo(WRONGTYPE);
        assertThat(f.run("ZSCORE s a")).isEqualTo(WRONGTYPE);
        assertThat(f.run("ZRANGE s 0 -1")).isEqualTo(WRONGTYPE);
        assertThat(f.run("GET z")).isEqualTo(WRONGTYPE);
        assertThat(f.run("SCAN 0 TYPE zset")).isEqualTo("[\"0\", [\"z\"]]");
    }

    @Test
    void zaddIncrIsLoggedAsTheScoreItProduced() {
        // So that replaying the log never depends on the score before it; plain writes log as sent.
        f.run("ZADD z 1 a");
        f.run("ZADD z INCR 0.5 a");
        f.run("ZINCRBY z 1 a");
        f.run("ZADD z NX 5 a");
        assertThat(f.logged).containsExactly("ZADD z 1 a", "ZADD z 1.5 a", "ZINCRBY z 1 a");
    }
}
