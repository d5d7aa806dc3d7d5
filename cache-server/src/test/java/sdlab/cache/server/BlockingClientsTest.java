package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ListDirection;

/** BLPOP and its kin as applications use them: a Jedis or redis-py worker waiting on a queue that another client feeds. */
class BlockingClientsTest {
    @TempDir
    Path dir;

    @Test
    void aJedisWorkerWaitingOnAQueueGetsTheJobAnotherClientPushes() throws Exception {
        // The worker blocks in BLPOP (and then BLMOVE) on its own connection; the producer pushes on another.
        try (RunningServer node = RunningServer.start(dir);
                Jedis worker = node.jedis();
                Jedis producer = node.jedis()) {
            CompletableFuture<List<String>> job = CompletableFuture.supplyAsync(() -> worker.blpop(5, "jobs"));
            awaitBlockedClients(producer, 1);
            producer.rpush("jobs", "job-1");
            assertThat(job.get(5, TimeUnit.SECONDS)).containsExactly("jobs", "job-1");

            CompletableFuture<String> moved = CompletableFuture.supplyAsync(
                    () -> worker.blmove("jobs", "working", ListDirection.LEFT, ListDirection.RIGHT, 5));
            awaitBlockedClients(producer, 1);
            producer.rpush("jobs", "job-2");
            assertThat(moved.get(5, TimeUnit.SECONDS)).isEqualTo("job-2");
            assertThat(producer.lrange("working", 0, -1)).containsExactly("job-2");
            assertThat(worker.blpop(0.1, "jobs")).isNull();
        }
    }

    @Test
    void redisPyBlpopWaitsForAPushAndTimesOutWithNone() throws Exception {
        // redis-py's blpop(timeout=...) and bzpopmin: served by a push from a thread, then None on timeouts.
        String python = ExternalTool.pythonWithRedis();
        Assumptions.assumeTrue(
                python != null,
                "no python3 with the redis module; install it with 'apt-get install -y python3-redis' to run this test");
        Path script = dir.resolve("blocking.py");
        Files.writeString(
                script,
                """
                import sys, threading, time
                import redis

                port = int(sys.argv[1])
                r = redis.Redis(port=port)
                producer = redis.Redis(port=port)

                def push():
                    for _ in range(500):
                        if int(producer.info("clients")["blocked_clients"]) >= 1:
                            producer.rpush("queue", "job")
                            return
                        time.sleep(0.01)

                threading.Thread(target=push, daemon=True).start()
                print("served", r.blpop(["queue"], timeout=5))
                started = time.monotonic()
                print("timeout", r.blpop(["queue"], timeout=0.2), time.monotonic() - started < 1)
                print("zset", r.bzpopmin("z", timeout=0.1))
                producer.zadd("z", {"m": 1.5})
                print("zset", r.bzpopmin("z", timeout=1))
                """);
        try (RunningServer node = RunningServer.start(dir)) {
            String output = ExternalTool.run(python, script.toString(), Integer.toString(node.port()));
            assertThat(output)
                    .contains("served (b'queue', b'job')")
                    .contains("timeout None True")
                    .contains("zset None")
                    .contains("zset (b'z', b'm', 1.5)");
        }
    }

    static void awaitBlockedClients(Jedis jedis, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!jedis.info("clients").contains("blocked_clients:" + count)) {
            assertThat(System.nanoTime()).as("clients blocked in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
