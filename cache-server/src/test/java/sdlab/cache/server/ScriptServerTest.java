package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Scripts over the wire, from the clients that send them: Jedis's eval family and redis-py's Lock. */
class ScriptServerTest {
    @TempDir
    Path dir;

    @Test
    void jedisEvalEvalshaAndScriptLoad() {
        // A compare-and-set written as a script, loaded once and called by its SHA-1.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            String cas = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1"
                    + " else return 0 end";
            String sha = jedis.scriptLoad(cas);
            jedis.set("k", "old");
            assertThat(jedis.evalsha(sha, List.of("k"), List.of("nope", "x"))).isEqualTo(0L);
            assertThat(jedis.evalsha(sha, List.of("k"), List.of("old", "new"))).isEqualTo(1L);
            assertThat(jedis.get("k")).isEqualTo("new");
            assertThat(jedis.eval("return {1, 'a'}")).isEqualTo(List.of(1L, "a"));
            assertThat(jedis.scriptExists(sha)).isTrue();
        }
    }

    @Test
    void redisPysLockAcquiresAndReleasesThroughItsScripts() throws Exception {
        // r.lock() releases by EVALSHA (falling back to SCRIPT LOAD on NOSCRIPT): it once failed and stayed held.
        String python = ExternalTool.pythonWithRedis();
        Assumptions.assumeTrue(
                python != null,
                "no python3 with the redis module; install it with 'apt-get install -y python3-redis' to run this test");
        Path script = dir.resolve("lock.py");
        Files.writeString(
                script,
                """
                import sys
                import redis
                r = redis.Redis(port=int(sys.argv[1]))
                lock = r.lock("resource", timeout=10)
                print("acquired", lock.acquire(blocking=False))
                print("second", r.lock("resource", timeout=10).acquire(blocking=False))
                lock.extend(5)
                print("ttl", 0 < r.pttl("resource") <= 15000)
                lock.release()
                print("released", r.exists("resource"))
                """);
        try (RunningServer node = RunningServer.start(dir)) {
            String output = ExternalTool.run(python, script.toString(), Integer.toString(node.port()));
            assertThat(output)
                    .contains("acquired True")
                    .contains("second False")
                    .contains("ttl True")
                    .contains("released 0");
        }
    }
}
