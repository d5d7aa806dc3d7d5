package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;

/**
 * kill -9 of a real node process while a client writes, then a restart from the same files:
 * what the append-only file promises under each fsync policy, and what recovery does with a
 * torn tail and with damage in the middle.
 */
class CrashTest {
    /** Enough writes to span several fsyncs; with appendfsync always each one waits for the disk. */
    private static final int WRITES_BEFORE_KILL = 500;

    @TempDir
    Path dir;

    @Test
    void withAppendfsyncAlwaysNoAcknowledgedWriteIsLost() throws Exception {
        // Every SET that got its OK before the kill is there after the restart.
        Crash crash = writeAndKill("always");
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            assertThat(missing(jedis, crash.acknowledged())).isZero();
        }
    }

    @Test
    void withAppendfsyncEverysecAtMostAboutOneSecondOfWritesIsLost() throws Exception {
        // everysec may lose what was not yet synced: at most about a second's worth of writes.
        // (A process kill leaves the OS page cache intact, so in practice nothing is lost here;
        // the bound is what the policy promises for a machine crash too.)
        Crash crash = writeAndKill("everysec");
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            long lost = missing(jedis, crash.acknowledged());
            assertThat(lost).isLessThanOrEqualTo((long) (crash.writesPerSecond() * 1.5));
        }
    }

    @Test
    void aTornTailAfterACrashIsCutOffAndTheNodeStarts() throws Exception {
        // A crash in the middle of an append leaves half a command: recovery drops it and keeps the rest.
        Crash crash = writeAndKill("always");
        Files.writeString(dir.resolve("appendonly.aof"), "*3\r\n$3\r\nSET\r\n$4\r\ntorn", StandardOpenOption.APPEND);
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            assertThat(missing(jedis, crash.acknowledged())).isZero();
            assertThat(jedis.exists("torn")).isFalse();
        }
        assertThat(Files.readString(dir.resolve("node.log"))).contains("short read while loading the AOF file");
    }

    @Test
    void damageInTheMiddleIsRefusedWithAClearMessage() throws Exception {
        // The node exits with an error that names the file and the offset instead of losing data silently.
        writeAndKill("always");
        Path aof = dir.resolve("appendonly.aof");
        byte[] bytes = Files.readAllBytes(aof);
        int middle = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("*3\r\n", bytes.length / 2);
        bytes[middle] = 'X';
        Files.write(aof, bytes);
        NodeProcess.Exit exit = NodeProcess.startExpectingFailure(dir, "--appendonly", "yes");
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.output())
                .contains("Bad file format reading the append only file")
                .contains("appendonly.aof")
                .contains("expected '*', got 'X' at offset " + middle);
    }

    @Test
    void aSortedSetLeaderboardKeepsEveryAcknowledgedIncrementAcrossAKill() throws Exception {
        // ZINCRBY and ZADD INCR replay to the same scores: acknowledged points are all there, at most
        // the one increment in flight at the kill may have landed too.
        AtomicLong acknowledged = new AtomicLong(-1);
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes", "--appendfsync", "always")) {
            Thread writer = new Thread(() -> {
                try (Jedis jedis = node.jedis()) {
                    for (long i = 0; ; i++) {
                        if (i % 2 == 0) {
                            jedis.zincrby("board", 1, "player:" + i % 10);
                        } else {
                            jedis.zaddIncr("board", 0.5, "player:" + i % 10, ZAddParams.zAddParams());
                        }
                        acknowledged.set(i);
                    }
                } catch (RuntimeException killed) {
                    // the connection dies with the process: that is the end of this writer
                }
            });
            writer.start();
            JedisCommandsTest.waitUntil(() -> acknowledged.get() >= WRITES_BEFORE_KILL, 60);
            node.kill();
            writer.join();
        }
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            List<Tuple> restored = jedis.zrangeWithScores("board", 0, -1);
            List<Tuple> ifNotApplied = leaderboardAfter(acknowledged.get());
            List<Tuple> ifApplied = leaderboardAfter(acknowledged.get() + 1);
            assertThat(restored).satisfiesAnyOf(r -> assertThat(r).isEqualTo(ifNotApplied), r -> assertThat(r)
                    .isEqualTo(ifApplied));
        }
    }

    /** The leaderboard after increments 0 .. last, in ZRANGE order. */
    private static List<Tuple> leaderboardAfter(long last) {
        double[] scores = new double[10];
        for (long i = 0; i <= last; i++) {
            scores[(int) (i % 10)] += i % 2 == 0 ? 1 : 0.5;
        }
        List<Tuple> board = new java.util.ArrayList<>();
        for (int p = 0; p < 10 && p <= last; p++) {
            board.add(new Tuple("player:" + p, scores[p]));
        }
        board.sort(java.util.Comparator.comparingDouble(Tuple::getScore).thenComparing(Tuple::getElement));
        return board;
    }

    /** What the writer saw before the kill. */
    private record Crash(long acknowledged, double writesPerSecond) {}

    /** Starts a node, writes SET k:i until enough were acknowledged, kills it with SIGKILL mid-stream. */
    private Crash writeAndKill(String fsync) throws Exception {
        AtomicLong acknowledged = new AtomicLong(-1);
        long startNanos;
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes", "--appendfsync", fsync)) {
            Thread writer = new Thread(() -> {
                try (Jedis jedis = node.jedis()) {
                    for (long i = 0; ; i++) {
                        jedis.set("k:" + i, "v" + i);
                        acknowledged.set(i);
                    }
                } catch (RuntimeException killed) {
                    // the connection dies with the process: that is the end of this writer
                }
            });
            startNanos = System.nanoTime();
            writer.start();
            JedisCommandsTest.waitUntil(() -> acknowledged.get() >= WRITES_BEFORE_KILL, 60);
            node.kill();
            writer.join();
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Crash(acknowledged.get(), (acknowledged.get() + 1) / seconds);
    }

    /** How many of k:0 .. k:last are not in the node. */
    private static long missing(Jedis jedis, long last) {
        long missing = 0;
        for (long from = 0; from <= last; from += 1000) {
            String[] keys = new String[(int) Math.min(1000, last - from + 1)];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "k:" + (from + i);
            }
            List<String> values = jedis.mget(keys);
            missing += values.stream().filter(v -> v == null).count();
        }
        return missing;
    }
}
