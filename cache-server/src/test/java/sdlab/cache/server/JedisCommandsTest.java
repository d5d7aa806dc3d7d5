package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/** Every command of the RESP front door, driven by Jedis as an application would. */
class JedisCommandsTest extends SharedJedisNode {
    @Test
    void stringsSetGetAndTheirOptions() {
        // GET/SET with NX, XX, GET and expiry options, MGET/MSET, counters, APPEND, STRLEN.
        assertThat(jedis.set("k", "v")).isEqualTo("OK");
        assertThat(jedis.get("k")).isEqualTo("v");
        assertThat(jedis.set("k", "w", SetParams.setParams().nx())).isNull();
        assertThat(jedis.set("new", "w", SetParams.setParams().xx())).isNull();
        assertThat(jedis.setGet("k", "x")).isEqualTo("v");
        assertThat(jedis.set("e", "v", SetParams.setParams().ex(100))).isEqualTo("OK");
        assertThat(jedis.ttl("e")).isEqualTo(100);
        assertThat(jedis.set("p", "v", SetParams.setParams().px(5000))).isEqualTo("OK");
        assertThat(jedis.pttl("p")).isBetween(4000L, 5000L);
        assertThat(jedis.mset("a", "1", "b", "2")).isEqualTo("OK");
        assertThat(jedis.mget("a", "b", "missing")).containsExactly("1", "2", null);
        assertThat(jedis.incr("a")).isEqualTo(2);
        assertThat(jedis.incrBy("a", 10)).isEqualTo(12);
        assertThat(jedis.decr("a")).isEqualTo(11);
        assertThat(jedis.append("b", "34")).isEqualTo(3);
        assertThat(jedis.strlen("b")).isEqualTo(3);
    }

    @Test
    void keysExpireAndIntrospection() {
        // DEL, EXISTS, TYPE, EXPIRE family, PERSIST, KEYS, SCAN, DBSIZE.
        jedis.mset("s", "v", "t", "v");
        jedis.rpush("l", "x");
        assertThat(jedis.exists("s", "t", "nope")).isEqualTo(2);
        assertThat(jedis.type("l")).isEqualTo("list");
        assertThat(jedis.type("s")).isEqualTo("string");
        assertThat(jedis.expire("s", 50)).isEqualTo(1);
        assertThat(jedis.ttl("s")).isEqualTo(50);
        assertThat(jedis.pexpire("s", 100_000)).isEqualTo(1);
        assertThat(jedis.persist("s")).isEqualTo(1);
        assertThat(jedis.ttl("s")).isEqualTo(-1);
        assertThat(jedis.ttl("nope")).isEqualTo(-2);
        assertThat(jedis.del("t", "nope")).isEqualTo(1);
        assertThat(new HashSet<>(jedis.keys("*"))).containsExactlyInAnyOrder("s", "l");
        assertThat(jedis.dbSize()).isEqualTo(2);
        Set<String> scanned = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1));
            scanned.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals("0"));
        assertThat(scanned).containsExactlyInAnyOrder("s", "l");
    }

    @Test
    void keysExpireOnTheirOwn() {
        // A key with a 20 ms TTL is gone shortly after, whether read or not (active expiry).
        jedis.psetex("short", 20, "v");
        jedis.psetex("unread", 20, "v");
        waitUntil(() -> jedis.get("short") == null);
        waitUntil(() -> jedis.info("stats").contains("expired_keys:2"));
        assertThat(jedis.dbSize()).isZero();
    }

    @Test
    void listsHashesAndSets() {
        // The collection types behave as Redis's do.
        assertThat(jedis.lpush("l", "a", "b")).isEqualTo(2);
        assertThat(jedis.rpush("l", "c")).isEqualTo(3);
        assertThat(jedis.lrange("l", 0, -1)).containsExactly("b", "a", "c");
        assertThat(jedis.lpop("l")).isEqualTo("b");
        assertThat(jedis.rpop("l")).isEqualTo("c");
        assertThat(jedis.llen("l")).isEqualTo(1);
        assertThat(jedis.hset("h", Map.of("f1", "1", "f2", "2"))).isEqualTo(2);
        assertThat(jedis.hget("h", "f1")).isEqualTo("1");
        assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("f1", "1", "f2", "2"));
        assertThat(jedis.hlen("h")).isEqualTo(2);
        assertThat(jedis.hdel("h", "f1", "zz")).isEqualTo(1);
        assertThat(jedis.sadd("s", "x", "y", "x")).isEqualTo(2);
        assertThat(jedis.smembers("s")).containsExactlyInAnyOrder("x", "y");
        assertThat(jedis.sismember("s", "x")).isTrue();
        assertThat(jedis.srem("s", "x")).isEqualTo(1);
        assertThat(jedis.scard("s")).isEqualTo(1);
    }

    @Test
    void errorsCarryRedisTexts() {
        // Wrong arity, unknown commands and WRONGTYPE reach the client as Redis words them.
        jedis.rpush("list", "x");
        assertThatThrownBy(() -> jedis.get("list"))
                .isInstanceOf(JedisDataException.class)
                .hasMessage("WRONGTYPE Operation against a key holding the wrong kind of value");
        assertThatThrownBy(() -> jedis.sendCommand(() -> "FOO".getBytes(), "x"))
                .hasMessage("ERR unknown command 'FOO', with args beginning with: 'x' ");
        assertThatThrownBy(() -> jedis.sendCommand(redis.clients.jedis.Protocol.Command.GET))
                .hasMessage("ERR wrong number of arguments for 'get' command");
        jedis.set("n", "abc");
        assertThatThrownBy(() -> jedis.incr("n")).hasMessage("ERR value is not an integer or out of range");
        assertThat(jedis.ping()).isEqualTo("PONG");
    }

    @Test
    void pipelinedCommandsAllAnswerInOrder() {
        // A thousand commands sent before reading any reply come back in order.
        Pipeline pipeline = jedis.pipelined();
        List<Response<Long>> counters = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pipeline.set("key:" + i, "v" + i);
            counters.add(pipeline.incr("counter"));
        }
        Response<String> last = pipeline.get("key:999");
        pipeline.sync();
        for (int i = 0; i < 1000; i++) {
            assertThat(counters.get(i).get()).isEqualTo(i + 1);
        }
        assertThat(last.get()).isEqualTo("v999");
    }

    @Test
    void serverCommandsAnswerLikeRedis() {
        // PING, ECHO, SELECT, INFO fields, CONFIG, COMMAND, LASTSAVE, SAVE and BGSAVE.
        assertThat(jedis.echo("hi")).isEqualTo("hi");
        assertThat(jedis.select(0)).isEqualTo("OK");
        assertThat(jedis.select(1)).isEqualTo("OK");
        assertThatThrownBy(() -> jedis.select(16)).hasMessage("ERR DB index is out of range");
        assertThat(jedis.select(0)).isEqualTo("OK");
        String info = jedis.info();
        for (String field : new String[] {
            "redis_version:",
            "used_memory:",
            "keyspace_hits:",
            "keyspace_misses:",
            "evicted_keys:",
            "connected_clients:",
            "aof_enabled:0",
            "rdb_last_save_time:",
            "tcp_port:" + node.port()
        }) {
            assertThat(info).contains(field);
        }
        assertThat(jedis.configSet("maxmemory-policy", "allkeys-lru")).isEqualTo("OK");
        assertThat(jedis.configGet("maxmemory-policy")).containsEntry("maxmemory-policy", "allkeys-lru");
        jedis.configSet("maxmemory-policy", "noeviction");
        assertThat(jedis.configGet("appendfsync")).containsEntry("appendfsync", "everysec");
        assertThat((Long) jedis.sendCommand(redis.clients.jedis.Protocol.Command.COMMAND, "COUNT"))
                .isGreaterThan(50);
        long before = jedis.lastsave();
        jedis.set("k", "v");
        assertThat(jedis.save()).isEqualTo("OK");
        assertThat(jedis.lastsave()).isGreaterThanOrEqualTo(before);
        assertThat(dir.resolve(CacheServerConfig.SNAPSHOT_FILE)).exists();
        assertThat(jedis.bgsave()).isEqualTo("Background saving started");
        waitUntil(() -> jedis.info("persistence").contains("rdb_bgsave_in_progress:0"));
        assertThat(jedis.info("persistence")).contains("rdb_last_bgsave_status:ok");
    }

    @Test
    void maxmemoryEvictsWithTheConfiguredPolicy() {
        // With a memory limit and allkeys-lru, writes keep succeeding and memory stays under the limit.
        jedis.configSet("maxmemory", "200kb");
        jedis.configSet("maxmemory-policy", "allkeys-lru");
        String value = "x".repeat(1000);
        for (int i = 0; i < 1000; i++) {
            jedis.set("key:" + i, value);
        }
        String info = jedis.info();
        long used = Long.parseLong(info.replaceAll("(?s).*used_memory:(\\d+).*", "$1"));
        assertThat(used).isLessThanOrEqualTo(200 * 1024 + 2000);
        assertThat(info).doesNotContain("evicted_keys:0\r\n");
        jedis.configSet("maxmemory-policy", "noeviction");
        // Like Redis, the limit is checked before a write: the first one may still go over it.
        jedis.set("more:1", value);
        assertThatThrownBy(() -> jedis.set("more:2", value))
                .hasMessage("OOM command not allowed when used memory > 'maxmemory'.");
        jedis.configSet("maxmemory", "0");
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        waitUntil(condition, 5);
    }

    /** Polls {@code condition} until it holds; fails after {@code seconds}. */
    static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("condition not met within %d s", seconds)
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
