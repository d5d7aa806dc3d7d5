package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/** Blocked pops in the append-only file: what waiters were served survives kill -9 exactly, logged as plain pops. */
class BlockingAofTest {
    @TempDir
    Path dir;

    @Test
    void servedWaitersAreReplayedAsThePopsTheyAmountedTo() throws Exception {
        // Three clients wait (BLPOP, BLMOVE, BZPOPMIN); pushes serve them; after kill -9 the data is as it was.
        String before;
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes", "--appendfsync", "always");
                Jedis producer = node.jedis();
                RawClient popper = new RawClient(node.port());
                RawClient mover = new RawClient(node.port());
                RawClient zpopper = new RawClient(node.port())) {
            popper.command("BLPOP", "queue", "0");
            mover.command("BLMOVE", "source", "queue", "RIGHT", "LEFT", "0");
            zpopper.command("BZPOPMIN", "scores", "0");
            BlockingClientsTest.awaitBlockedClients(producer, 3);
            producer.rpush("source", "s1", "s2");
            producer.zadd("scores", 2, "two");
            producer.zadd("scores", 1, "one");
            producer.rpush("queue", "q1", "q2");
            assertThat(mover.reply()).isEqualTo("$s2");
            assertThat(popper.reply()).isEqualTo("*[$queue, $s2]");
            assertThat(zpopper.reply()).isEqualTo("*[$scores, $two, $2]");
            before = describe(producer);
            node.kill();
        }
        String aof = Files.readString(dir.resolve(CacheServerConfig.AOF_FILE));
        assertThat(aof).contains("LMOVE", "LPOP", "ZPOPMIN").doesNotContain("BLPOP", "BLMOVE", "BZPOPMIN");
        try (NodeProcess node = NodeProcess.start(dir, "--appendonly", "yes");
                Jedis jedis = node.jedis()) {
            assertThat(describe(jedis)).isEqualTo(before);
        }
        assertThat(before).isEqualTo("[s1] [q1, q2] [one]");
    }

    private static String describe(Jedis jedis) {
        return String.join(
                " ",
                List.of(
                        jedis.lrange("source", 0, -1).toString(),
                        jedis.lrange("queue", 0, -1).toString(),
                        jedis.zrange("scores", 0, -1).toString()));
    }
}
