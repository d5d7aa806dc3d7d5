package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/** Transactions in the append-only file: all of an EXEC survives kill -9 or none of it does. */
class TransactionAofTest {
    private static final int TRANSACTIONS_BEFORE_KILL = 200;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedTransactionSurvivesKill9WholeAndNoneSurvivesInPart() throws Exception {
        // A writer runs MULTI; SET a:i; SET b:i; INCR count; EXEC until killed. After the restart every acknowledged
        // transaction is there, and for every i, a:i and b:i exist together or not at all, matching the counter.
        AtomicLong acknowledged = new AtomicLong(-1);
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes", "--appendfsync", "always")) {
            Thread writer = new Thread(() -> {
                try (Jedis jedis = node.jedis()) {
                    for (long i = 0; ; i++) {
                        Transaction tx = jedis.multi();
                        tx.set("a:" + i, "x");
                        tx.set("b:" + i, "y");
                        tx.incr("count");
                        tx.exec();
                        acknowledged.set(i);
                    }
                } catch (RuntimeException killed) {
                    // the connection dies with the process: that is the end of this writer
                }
            });
            writer.start();
            JedisCommandsTest.waitUntil(() -> acknowledged.get() >= TRANSACTIONS_BEFORE_KILL, 60);
            node.kill();
            writer.join();
        }
        assertThat(Files.readString(dir.resolve(CacheServerConfig.AOF_FILE))).contains("MULTI", "EXEC");
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            long count = Long.parseLong(jedis.get("count"));
            assertThat(count).isGreaterThan(acknowledged.get());
            for (long i = 0; i < count + 5; i++) {
                List<String> pair = jedis.mget("a:" + i, "b:" + i);
                boolean applied = i < count;
                assertThat(pair).as("transaction %d", i).containsExactly(applied ? "x" : null, applied ? "y" : null);
            }
        }
    }

    @Test
    void aTornTransactionAtTheEndIsDroppedWholeWithAWarning() throws Exception {
        // A MULTI block whose EXEC never reached the file is reverted entirely, though its SET is complete,
        // and the file is cut back to where the block began.
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            jedis.set("kept", "yes");
        }
        Path aof = dir.resolve(CacheServerConfig.AOF_FILE);
        long intact = Files.size(aof);
        Files.writeString(
                aof,
                "*1\r\n$5\r\nMULTI\r\n*3\r\n$3\r\nSET\r\n$7\r\npartial\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$4\r\ntorn\r\n$2\r\nha",
                StandardOpenOption.APPEND);
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            assertThat(jedis.get("kept")).isEqualTo("yes");
            assertThat(jedis.exists("partial", "torn")).isZero();
        }
        assertThat(Files.readString(dir.resolve("node.log"))).contains("Revert incomplete MULTI/EXEC transaction");
        assertThat(Files.readString(aof)).doesNotContain("MULTI").doesNotContain("partial");
        assertThat(Files.size(aof)).isGreaterThanOrEqualTo(intact);
    }
}
