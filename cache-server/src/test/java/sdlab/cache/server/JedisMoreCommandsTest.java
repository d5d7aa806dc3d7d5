package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.args.BitCountOption;
import redis.clients.jedis.args.BitOP;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.LCSParams;
import redis.clients.jedis.resps.LCSMatchResult;

/** The commands of issue 11 (strings, hashes, sets, keys), driven by Jedis as an application would. */
class JedisMoreCommandsTest extends SharedJedisNode {
    @Test
    void stringsBitsAndLcs() {
        // GETEX, GETDEL, SETRANGE/GETRANGE, INCRBYFLOAT, bit commands and LCS decode as Jedis expects.
        jedis.set("k", "hello");
        assertThat(jedis.getEx("k", GetExParams.getExParams().ex(100))).isEqualTo("hello");
        assertThat(jedis.ttl("k")).isEqualTo(100);
        assertThat(jedis.setrange("k", 0, "J")).isEqualTo(5);
        assertThat(jedis.getrange("k", 0, 1)).isEqualTo("Je");
        assertThat(jedis.getDel("k")).isEqualTo("Jello");
        assertThat(jedis.incrByFloat("f", 10.5)).isEqualTo(10.5);
        assertThat(jedis.incrByFloat("f", 0.1)).isEqualTo(10.6);
        assertThat(jedis.msetnx("a", "1", "f", "2")).isZero();
        assertThat(jedis.setbit("b", 7, true)).isFalse();
        assertThat(jedis.getbit("b", 7)).isTrue();
        assertThat(jedis.bitcount("b", 0, 7, BitCountOption.BIT)).isEqualTo(1);
        assertThat(jedis.bitpos("b", true)).isEqualTo(7);
        assertThat(jedis.bitop(BitOP.NOT, "nb", "b")).isEqualTo(1);
        jedis.mset("k1", "ohmytext", "k2", "mynewtext");
        LCSMatchResult lcs = jedis.lcs("k1", "k2", LCSParams.LCSParams().idx().withMatchLen());
        assertThat(lcs.getLen()).isEqualTo(6);
        assertThat(lcs.getMatches()).hasSize(2);
        assertThat(lcs.getMatches().get(0).getMatchLen()).isEqualTo(4);
    }

    @Test
    void hashCountersAndRandomFields() {
        // HSETNX, HINCRBY(FLOAT), HKEYS/HVALS, HRANDFIELD and HSCAN through Jedis.
        assertThat(jedis.hsetnx("h", "a", "1")).isEqualTo(1);
        assertThat(jedis.hincrBy("h", "a", 4)).isEqualTo(5);
        assertThat(jedis.hincrByFloat("h", "f", 1.5)).isEqualTo(1.5);
        assertThat(jedis.hkeys("h")).containsExactlyInAnyOrder("a", "f");
        assertThat(jedis.hvals("h")).containsExactlyInAnyOrder("5", "1.5");
        assertThat(jedis.hstrlen("h", "f")).isEqualTo(3);
        assertThat(jedis.hrandfield("h", -5)).hasSize(5).isSubsetOf("a", "f");
        assertThat(jedis.hrandfieldWithValues("h", 2))
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("a", "f");
        assertThat(jedis.hscan("h", "0").getResult()).hasSize(2);
        assertThatThrownBy(() -> jedis.hincrBy("h", "f", 1))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR hash value is not an integer");
    }

    @Test
    void setPopsAndAlgebra() {
        // SPOP, SRANDMEMBER, SINTER/SUNION/SDIFF(STORE), SINTERCARD, SMOVE, SMISMEMBER, SSCAN.
        jedis.sadd("a", "1", "2", "3", "4");
        jedis.sadd("b", "3", "4", "5");
        assertThat(jedis.sinter("a", "b")).containsExactlyInAnyOrder("3", "4");
        assertThat(jedis.sunionstore("u", "a", "b")).isEqualTo(5);
        assertThat(jedis.sdiff("a", "b")).containsExactlyInAnyOrder("1", "2");
        assertThat(jedis.sintercard(1, "a", "b")).isEqualTo(1);
        assertThat(jedis.smove("a", "b", "1")).isEqualTo(1);
        assertThat(jedis.smismember("b", "1", "9")).containsExactly(true, false);
        assertThat(jedis.srandmember("u", 3)).hasSize(3).doesNotHaveDuplicates();
        assertThat(jedis.spop("u", 10)).hasSize(5);
        assertThat(jedis.exists("u")).isFalse();
        assertThat(jedis.sscan("b", "0").getResult()).containsExactlyInAnyOrder("1", "3", "4", "5");
    }

    @Test
    void keysRenameCopyAndIntrospection() {
        // RENAME(NX), COPY, TOUCH, RANDOMKEY, OBJECT, EXPIRETIME through Jedis.
        jedis.set("a", "12");
        jedis.expire("a", 100);
        assertThat(jedis.rename("a", "b")).isEqualTo("OK");
        assertThat(jedis.renamenx("b", "c")).isEqualTo(1);
        assertThat(jedis.copy("c", "d", false)).isTrue();
        assertThat(jedis.copy("c", "d", false)).isFalse();
        assertThat(jedis.touch("c", "d", "x")).isEqualTo(2);
        assertThat(List.of("c", "d")).contains(jedis.randomKey());
        assertThat(jedis.objectEncoding("c")).isEqualTo("int");
        assertThat(jedis.objectRefcount("c")).isEqualTo(Integer.MAX_VALUE);
        assertThat(jedis.expireTime("d"))
                .isBetween(System.currentTimeMillis() / 1000 + 90, System.currentTimeMillis() / 1000 + 101);
        assertThatThrownBy(() -> jedis.rename("missing", "x"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR no such key");
    }
}
