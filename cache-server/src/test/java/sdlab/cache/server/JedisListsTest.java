package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.LPosParams;
import redis.clients.jedis.util.KeyValue;

/** The list commands of issue 11, driven by Jedis as a queue or a work list would use them. */
class JedisListsTest extends SharedJedisNode {
    @Test
    void editingAndSearchingAList() {
        // LSET, LINSERT, LREM, LTRIM and LPOS decode as Jedis expects.
        jedis.rpush("l", "a", "b", "a", "c");
        assertThat(jedis.lset("l", 1, "B")).isEqualTo("OK");
        assertThat(jedis.linsert("l", ListPosition.AFTER, "c", "d")).isEqualTo(5);
        assertThat(jedis.lrem("l", -1, "a")).isEqualTo(1);
        assertThat(jedis.lrange("l", 0, -1)).containsExactly("a", "B", "c", "d");
        assertThat(jedis.lpos("l", "c")).isEqualTo(2);
        assertThat(jedis.lpos("l", "a", LPosParams.lPosParams().rank(-1), 0)).containsExactly(0L);
        assertThat(jedis.ltrim("l", 1, 2)).isEqualTo("OK");
        assertThat(jedis.lrange("l", 0, -1)).containsExactly("B", "c");
        assertThat(jedis.lpushx("missing", "x")).isZero();
        assertThat(jedis.rpushx("l", "e")).isEqualTo(3);
        assertThatThrownBy(() -> jedis.lset("l", 9, "x"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR index out of range");
        assertThatThrownBy(() -> jedis.lset("nothing", 0, "x"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("ERR no such key");
    }

    @Test
    void movingBetweenListsAndPoppingMany() {
        // A reliable queue: LMOVE and RPOPLPUSH hand an element over; LMPOP takes from the first non-empty list.
        jedis.rpush("jobs", "j1", "j2", "j3");
        assertThat(jedis.lmove("jobs", "working", ListDirection.LEFT, ListDirection.RIGHT))
                .isEqualTo("j1");
        assertThat(jedis.rpoplpush("jobs", "working")).isEqualTo("j3");
        assertThat(jedis.lrange("working", 0, -1)).containsExactly("j3", "j1");
        assertThat(jedis.lpop("working", 5)).containsExactly("j3", "j1");
        assertThat(jedis.exists("working")).isFalse();
        KeyValue<String, java.util.List<String>> popped = jedis.lmpop(ListDirection.RIGHT, 2, "empty", "jobs");
        assertThat(popped.getKey()).isEqualTo("jobs");
        assertThat(popped.getValue()).containsExactly("j2");
        assertThat(jedis.lmpop(ListDirection.LEFT, "empty", "jobs")).isNull();
    }
}
