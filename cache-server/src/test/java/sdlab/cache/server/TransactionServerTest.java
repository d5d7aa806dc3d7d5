package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/** MULTI/EXEC and WATCH over the wire, with Jedis, raw RESP2/RESP3 and redis-py. */
class TransactionServerTest {
    @TempDir
    Path dir;

    @Test
    void jedisMultiExecAppliesAllCommandsAndAnswersEachReply() {
        // Jedis's Transaction queues, EXEC runs everything, and each command's reply comes back, a WRONGTYPE included.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            jedis.rpush("list", "x");
            Transaction tx = jedis.multi();
            tx.set("a", "1");
            tx.incr("a");
            tx.incr("list");
            tx.hset("h", "f", "v");
            List<Object> replies = tx.exec();
            assertThat(replies).hasSize(4);
            assertThat(replies.get(0)).isEqualTo("OK");
            assertThat(replies.get(1)).isEqualTo(2L);
            assertThat(replies.get(2)).isInstanceOf(Exception.class);
            assertThat(replies.get(3)).isEqualTo(1L);
            assertThat(jedis.get("a")).isEqualTo("2");
            assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("f", "v"));
        }
    }

    @Test
    void jedisWatchFailsTheTransactionWhenAnotherClientChangesTheKey() {
        // EXEC answers null (Jedis: a null list) after another connection's write; after UNWATCH it runs.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis();
                Jedis other = node.jedis()) {
            jedis.set("k", "0");
            jedis.watch("k");
            other.set("k", "theirs");
            Transaction tx = jedis.multi();
            tx.set("k", "mine");
            assertThat(tx.exec()).isNull();
            assertThat(jedis.get("k")).isEqualTo("theirs");
            jedis.watch("k");
            Transaction again = jedis.multi();
            again.set("k", "mine");
            assertThat(again.exec()).containsExactly("OK");
            assertThat(jedis.get("k")).isEqualTo("mine");
        }
    }

    @Test
    void aFailedWatchIsANullArrayInResp2AndANullInResp3AndQueueingErrorsAbort() {
        // The exact wire shapes: *-1 and _ for a broken watch, -EXECABORT after a refused queued command.
        try (RunningServer node = RunningServer.start(dir);
                RawClient client = node.raw();
                Jedis other = node.jedis()) {
            client.command("WATCH", "k");
            assertThat(client.reply()).isEqualTo("+OK");
            other.set("k", "v");
            client.command("MULTI");
            client.command("SET", "k", "mine");
            client.command("EXEC");
            assertThat(List.of(client.reply(), client.reply(), client.reply()))
                    .containsExactly("+OK", "+QUEUED", "*nil");
            client.command("HELLO", "3");
            client.reply();
            client.command("WATCH", "k");
            client.reply();
            other.set("k", "again");
            client.command("MULTI");
            client.command("EXEC");
            assertThat(List.of(client.reply(), client.reply())).containsExactly("+OK", "_");
            client.command("MULTI");
            client.command("NOSUCH");
            client.command("EXEC");
            assertThat(client.reply()).isEqualTo("+OK");
            assertThat(client.reply()).startsWith("-ERR unknown command 'NOSUCH'");
            assertThat(client.reply()).isEqualTo("-EXECABORT Transaction discarded because of previous errors.");
        }
    }

    @Test
    void aClientThatDisconnectsInsideMultiLeavesNothingApplied() throws Exception {
        // Queued commands of a client that goes away are dropped with it, and its watches too.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            try (RawClient client = node.raw()) {
                client.command("WATCH", "w");
                client.command("MULTI");
                client.command("SET", "queued", "1");
                assertThat(List.of(client.reply(), client.reply(), client.reply()))
                        .containsExactly("+OK", "+OK", "+QUEUED");
                assertThat(jedis.info("clients")).contains("total_watched_keys:1");
            }
            JedisCommandsTest.waitUntil(() -> jedis.info("clients").contains("connected_clients:1"));
            assertThat(jedis.exists("queued")).isFalse();
            assertThat(jedis.info("clients")).contains("total_watched_keys:0");
        }
    }

    @Test
    void redisPyPipelineAndOptimisticIncrementsWork() throws Exception {
        // redis-py's default pipeline() is a MULTI/EXEC transaction; its WATCH-retry helper loses no increment.
        String python = ExternalTool.pythonWithRedis();
        Assumptions.assumeTrue(
                python != null,
                "no python3 with the redis module; install it with 'apt-get install -y python3-redis' to run this test");
        Path script = dir.resolve("transactions.py");
        Files.writeString(
                script,
                """
                import sys, threading
                import redis

                port = int(sys.argv[1])
                r = redis.Redis(port=port)
                pipe = r.pipeline()  # transaction=True: MULTI ... EXEC
                pipe.set("a", "1").incr("a").rpush("l", "x", "y").hset("h", "f", "v").get("a")
                print("pipeline", pipe.execute())

                def incr(p):
                    value = int(p.get("counter") or 0)
                    p.multi()
                    p.set("counter", value + 1)

                def worker():
                    client = redis.Redis(port=port)
                    for _ in range(50):
                        client.transaction(incr, "counter")

                threads = [threading.Thread(target=worker) for _ in range(4)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                print("counter", int(r.get("counter")))

                with r.pipeline() as p:
                    p.watch("w")
                    p.multi()
                    p.set("w", "mine")
                    redis.Redis(port=port).set("w", "theirs")
                    try:
                        p.execute()
                        print("watch", "not detected")
                    except redis.WatchError:
                        print("watch", "WatchError")
                """);
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            String output = ExternalTool.run(python, script.toString(), Integer.toString(node.port()));
            assertThat(output)
                    .contains("pipeline [True, 2, 2, 1, b'2']")
                    .contains("counter 200")
                    .contains("watch WatchError");
            assertThat(jedis.get("counter")).isEqualTo("200");
            assertThat(jedis.get("w")).isEqualTo("theirs");
        }
    }
}
