package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/** The node with Redis's own tools: redis-cli, redis-check-aof, and a real redis-server loading our AOF. */
class RedisToolsTest {
    @TempDir
    Path dir;

    @Test
    void redisCliWorksUnchanged() throws Exception {
        // redis-cli sends commands, scans and reads INFO as it would from Redis.
        ExternalTool.assumeInstalled("redis-cli", "redis-tools");
        try (RunningServer node = RunningServer.start(dir)) {
            String port = Integer.toString(node.port());
            assertThat(ExternalTool.run("redis-cli", "-p", port, "SET", "greeting", "hello world"))
                    .isEqualTo("OK\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "GET", "greeting"))
                    .isEqualTo("hello world\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "RPUSH", "l", "a", "b"))
                    .isEqualTo("2\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "LMOVE", "l", "l", "LEFT", "RIGHT"))
                    .isEqualTo("a\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "LRANGE", "l", "0", "-1"))
                    .isEqualTo("b\na\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "--scan")).contains("greeting", "l");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "INFO", "keyspace"))
                    .contains("db0:keys=2");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "FOO"))
                    .contains("ERR unknown command 'FOO', with args beginning with:");
            ExternalTool.run("redis-cli", "-p", port, "HSET", "h", "f", "v");
            assertThat(ExternalTool.run("redis-cli", "-3", "--no-raw", "-p", port, "HGETALL", "h"))
                    .isEqualTo("1# \"f\" => \"v\"\n");
            assertThat(ExternalTool.run("redis-cli", "-p", port, "--pipe-timeout", "5", "PING"))
                    .isEqualTo("PONG\n");
            // redis-cli's help (and its interactive hints) come from COMMAND DOCS.
            assertThat(ExternalTool.run("redis-cli", "-p", port, "help", "pfadd"))
                    .contains("PFADD", "summary:", "Adds elements to a HyperLogLog.", "group:", "hyperloglog");
        }
    }

    @Test
    void redisCheckAofAcceptsTheAppendOnlyFile() throws Exception {
        // Our AOF is in Redis's format: redis-check-aof finds nothing to fix, before and after a rewrite.
        ExternalTool.assumeInstalled("redis-check-aof", "redis-tools");
        Path aof = dir.resolve(CacheServerConfig.AOF_FILE);
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            PersistenceTest.write(jedis);
            writeTransaction(jedis);
            jedis.set(
                    "ex", "v", redis.clients.jedis.params.SetParams.setParams().ex(100));
            NewCommandsData.write(jedis);
        }
        assertThat(Files.readString(aof)).contains("MULTI");
        assertThat(ExternalTool.run("redis-check-aof", aof.toString())).contains("is valid");
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            jedis.bgrewriteaof();
            JedisCommandsTest.waitUntil(() -> jedis.info("persistence").contains("aof_rewrite_in_progress:0"));
        }
        assertThat(ExternalTool.run("redis-check-aof", aof.toString())).contains("is valid");
    }

    @ParameterizedTest(name = "rewritten first: {0}")
    @ValueSource(booleans = {false, true})
    void aRealRedisServerLoadsOurAppendOnlyFile(boolean rewritten) throws Exception {
        // redis-server 7.0 starts from our AOF, as logged (MULTI ... EXEC block included) or as
        // BGREWRITEAOF wrote it, and serves the same data.
        ExternalTool.assumeInstalled("redis-server", "redis-server");
        Map<String, Double> big = new java.util.HashMap<>();
        for (int i = 0; i < 150; i++) {
            big.put("member" + i, i / 7.0);
        }
        Map<String, String> written;
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            PersistenceTest.write(jedis);
            writeTransaction(jedis);
            jedis.zadd("big", big);
            NewCommandsData.write(jedis);
            written = NewCommandsData.describe(jedis);
            if (rewritten) {
                jedis.bgrewriteaof();
                JedisCommandsTest.waitUntil(() -> jedis.info("persistence").contains("aof_rewrite_in_progress:0"));
            }
        }
        Path redisDir = Files.createDirectories(dir.resolve("redis"));
        Files.copy(dir.resolve(CacheServerConfig.AOF_FILE), redisDir.resolve("appendonly.aof"));
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "yes",
                        "--dir",
                        redisDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(redisDir.resolve("log").toFile())
                .start();
        try {
            try (Jedis jedis = connectWhenUp(port)) {
                assertThat(jedis.mget("tx:a", "tx:b")).containsExactly("2", "b");
                assertThat(jedis.lrange("tx:l", 0, -1)).containsExactly("x", "y");
                assertThat(jedis.get("sc:a")).isEqualTo("x");
                assertThat(jedis.lrange("sc:l", 0, -1)).containsExactly("p", "q");
                assertThat(NewCommandsData.describe(jedis)).isEqualTo(written);
                NewCommandsData.delete(jedis);
                jedis.del("tx:a", "tx:b", "tx:l", "sc:a", "sc:l"); // the rest must equal what PersistenceTest wrote
                assertThat(jedis.zcard("big")).isEqualTo(big.size());
                big.forEach((member, score) ->
                        assertThat(jedis.zscore("big", member)).isEqualTo(score));
                jedis.del("big");
                PersistenceTest.assertWritten(jedis);
                assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("f", "v", "g", "w"));
                assertThat(jedis.zscore("z", "b")).isEqualTo(0.1 + 0.2);
            }
        } finally {
            redis.destroy();
            redis.waitFor();
        }
    }

    /** One EXEC with several writes: logged as a MULTI ... EXEC block that Redis's tools must accept. */
    private static void writeTransaction(Jedis jedis) {
        Transaction tx = jedis.multi();
        tx.set("tx:a", "1");
        tx.incr("tx:a");
        tx.get("tx:a");
        tx.rpush("tx:l", "x", "y");
        tx.set("tx:b", "b");
        assertThat(tx.exec()).hasSize(5);
        // A script's effects are logged the same way, as the commands it ran.
        assertThat(jedis.eval("redis.call('SET', 'sc:a', 'x') redis.call('RPUSH', 'sc:l', 'p', 'q') return 1"))
                .isEqualTo(1L);
    }

    private static Jedis connectWhenUp(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                Jedis jedis = new Jedis("127.0.0.1", port, 2_000);
                jedis.ping();
                return jedis;
            } catch (redis.clients.jedis.exceptions.JedisConnectionException
                    | redis.clients.jedis.exceptions.JedisDataException e) {
                // Not listening yet, or listening but still LOADING the AOF: both pass.
                boolean loading = e instanceof redis.clients.jedis.exceptions.JedisDataException
                        && String.valueOf(e.getMessage()).startsWith("LOADING");
                if (System.nanoTime() > deadline
                        || (e instanceof redis.clients.jedis.exceptions.JedisDataException && !loading)) {
                    throw e;
                }
                Thread.sleep(50); // waiting for another process to open its port: nothing to synchronise on
            }
        }
    }
}
