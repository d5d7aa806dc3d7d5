package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

/** Sorted sets over the RESP front door, driven by Jedis as a leaderboard or scheduler would use them. */
class JedisSortedSetsTest extends SharedJedisNode {
    @Test
    void aLeaderboardRanksPlayersByScore() {
        // Points are added as games finish; the top three come back highest first with their scores.
        jedis.zadd("board", Map.of("ann", 10.0, "bob", 30.0, "cy", 20.0, "dee", 5.0));
        assertThat(jedis.zincrby("board", 25, "ann")).isEqualTo(35.0);
        assertThat(jedis.zincrby("board", 0.5, "dee")).isEqualTo(5.5);
        assertThat(jedis.zrevrangeWithScores("board", 0, 2))
                .containsExactly(new Tuple("ann", 35.0), new Tuple("bob", 30.0), new Tuple("cy", 20.0));
        assertThat(jedis.zrevrank("board", "ann")).isEqualTo(0);
        assertThat(jedis.zrank("board", "dee")).isEqualTo(0);
        assertThat(jedis.zscore("board", "cy")).isEqualTo(20.0);
        assertThat(jedis.zscore("board", "nobody")).isNull();
        assertThat(jedis.zcard("board")).isEqualTo(4);
        assertThat(jedis.zadd("board", 1, "ann", ZAddParams.zAddParams().gt().ch()))
                .isEqualTo(0);
        assertThat(jedis.type("board")).isEqualTo("zset");
    }

    @Test
    void aScheduleIsPagedByTimeWithRangeByScoreAndLimit() {
        // Jobs scored by due time: page through what is due, then pop the earliest.
        for (int i = 0; i < 10; i++) {
            jedis.zadd("due", 1000 + i * 10, "job" + i);
        }
        assertThat(jedis.zrangeByScore("due", 1000, 1045, 1, 2)).containsExactly("job1", "job2");
        assertThat(jedis.zrange(
                        "due", ZRangeParams.zrangeByScoreParams(1020, 1090).limit(0, 3)))
                .containsExactly("job2", "job3", "job4");
        assertThat(jedis.zrangeByScore("due", "(1000", "1020")).containsExactly("job1", "job2");
        assertThat(jedis.zcount("due", "-inf", "(1050")).isEqualTo(5);
        assertThat(jedis.zpopmin("due")).isEqualTo(new Tuple("job0", 1000.0));
        assertThat(jedis.zpopmax("due", 2)).containsExactly(new Tuple("job9", 1090.0), new Tuple("job8", 1080.0));
        assertThat(jedis.zremrangeByScore("due", "-inf", "1030")).isEqualTo(3);
        assertThat(jedis.zrange("due", 0, -1)).containsExactly("job4", "job5", "job6", "job7");
    }

    @Test
    void weeklyScoresCombineWithZunionstoreAndWeights() {
        // This week counts double; ZINTERSTORE keeps only players in both weeks.
        jedis.zadd("week1", Map.of("ann", 10.0, "bob", 20.0));
        jedis.zadd("week2", Map.of("bob", 5.0, "cy", 7.0));
        assertThat(jedis.zunionstore("total", new ZParams().weights(1, 2), "week1", "week2"))
                .isEqualTo(3);
        assertThat(jedis.zrangeWithScores("total", 0, -1))
                .containsExactly(new Tuple("ann", 10.0), new Tuple("cy", 14.0), new Tuple("bob", 30.0));
        assertThat(jedis.zinterstore("both", new ZParams().aggregate(ZParams.Aggregate.MAX), "week1", "week2"))
                .isEqualTo(1);
        assertThat(jedis.zscore("both", "bob")).isEqualTo(20.0);
        assertThat(jedis.zdiff("week1", "week2")).containsExactly("ann");
    }

    @Test
    void lexRangesAutocompleteNames() {
        // Members with equal scores sort by bytes: a prefix search is a lex range.
        jedis.zadd("names", Map.of("alice", 0.0, "alfred", 0.0, "bob", 0.0, "albert", 0.0));
        assertThat(jedis.zrangeByLex("names", "[al", "(am")).containsExactly("albert", "alfred", "alice");
        assertThat(jedis.zlexcount("names", "-", "+")).isEqualTo(4);
        assertThat(jedis.zremrangeByLex("names", "[b", "+")).isEqualTo(1);
    }

    @Test
    void errorsAndInfinitiesReachTheClientAsRedisSendsThem() {
        // Bad scores and conflicting flags (sent raw: Jedis's params cannot ask for both) get Redis's texts; inf
        // travels as "inf".
        assertThatThrownBy(() -> jedis.sendCommand(Protocol.Command.ZADD, "z", "NX", "XX", "1", "a"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR XX and NX options at the same time are not compatible");
        assertThatThrownBy(() -> jedis.zrangeByScore("z", "x", "1"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR min or max is not a float");
        jedis.zadd("z", Double.POSITIVE_INFINITY, "top");
        assertThat(jedis.zscore("z", "top")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(jedis.zmscore("z", "top", "none"))
                .isEqualTo(java.util.Arrays.asList(Double.POSITIVE_INFINITY, null));
        jedis.set("s", "v");
        assertThatThrownBy(() -> jedis.zadd("s", 1, "a"))
                .isInstanceOf(JedisDataException.class)
                .hasMessageStartingWith("WRONGTYPE");
    }

    @Test
    void resp3SendsScoresAsDoublesAndPairsAsNestedArrays() {
        // After HELLO 3, as Redis 7.0: ZSCORE is a double, WITHSCORES answers [member, score] pairs.
        try (RawClient client = node.raw()) {
            client.command("HELLO", "3");
            client.reply();
            client.command("ZADD", "r3", "1.5", "a", "2", "b");
            client.command("ZSCORE", "r3", "a");
            client.command("ZRANGE", "r3", "0", "-1", "WITHSCORES");
            client.command("ZPOPMIN", "r3");
            assertThat(client.reply()).isEqualTo(":2");
            assertThat(client.reply()).isEqualTo(",1.5");
            assertThat(client.reply()).isEqualTo("*[*[$a, ,1.5], *[$b, ,2]]");
            assertThat(client.reply()).isEqualTo("*[$a, ,1.5]");
        }
        assertThat(jedis.zrangeWithScores("r3", 0, -1)).isEqualTo(List.of(new Tuple("b", 2.0)));
    }
}
