package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/** Data survives a stop and start through the append-only file and snapshots; damage is detected. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void theAppendOnlyFileBringsEveryTypeAndTtlBack() {
        // Stop and start with appendonly: strings, counters, lists, hashes, sets, sorted sets and TTLs are back.
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            write(jedis);
        }
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertWritten(jedis);
        }
    }

    @Test
    void aSnapshotBringsTheDataBackWithoutAnAppendOnlyFile() {
        // SAVE writes dump.sdrdb; a node started without AOF loads it.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            write(jedis);
            assertThat(jedis.save()).isEqualTo("OK");
        }
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            assertWritten(jedis);
        }
    }

    @Test
    void shutdownSaveAndACleanStopWithSavePointsBothSave() {
        // SHUTDOWN SAVE saves before exiting; stop() saves when save points are configured, as on SIGTERM.
        RunningServer first = RunningServer.start(dir);
        try (Jedis jedis = first.jedis()) {
            jedis.set("by", "shutdown");
            jedis.shutdown(
                    redis.clients.jedis.params.ShutdownParams.shutdownParams().save());
        }
        first.server.awaitStop();
        try (RunningServer node = RunningServer.start(dir, b -> b.savePoints(SavePoint.REDIS_DEFAULT));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.get("by")).isEqualTo("shutdown");
            jedis.set("by", "stop");
        }
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            assertThat(jedis.get("by")).isEqualTo("stop");
        }
    }

    @Test
    void theAppendOnlyFileWinsOverASnapshot() {
        // With appendonly on, the AOF is the truth and the snapshot is ignored, as in Redis.
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            jedis.set("k", "old");
            jedis.save();
            jedis.set("k", "new");
        }
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.get("k")).isEqualTo("new");
        }
    }

    @Test
    void bgrewriteaofShrinksTheFileAndKeepsWritesMadeWhileItRuns() throws IOException {
        // The rewrite runs while another client keeps writing; nothing written during it is lost.
        int writesDuring = 0;
        int writesSeenDuringRewrite = 0;
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis();
                Jedis other = node.jedis()) {
            Pipeline load = jedis.pipelined();
            for (int i = 0; i < 200_000; i++) {
                load.set("key:" + (i % 50_000), "value-" + i);
            }
            load.sync();
            long sizeBefore = Files.size(node.dir.resolve(CacheServerConfig.AOF_FILE));
            assertThat(jedis.bgrewriteaof()).isEqualTo("Background append only file rewriting started");
            boolean running = true;
            while (running || writesDuring < 100) {
                running = jedis.info("persistence").contains("aof_rewrite_in_progress:1");
                other.incr("counter");
                other.rpush("log", "entry-" + writesDuring);
                writesDuring++;
                writesSeenDuringRewrite += running ? 1 : 0;
            }
            assertThat(jedis.info("persistence")).contains("aof_last_bgrewrite_status:ok");
            assertThat(Files.size(node.dir.resolve(CacheServerConfig.AOF_FILE))).isLessThan(sizeBefore);
        }
        assertThat(writesSeenDuringRewrite).as("writes while the rewrite ran").isPositive();
        try (RunningServer again = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis check = again.jedis()) {
            assertThat(check.get("counter")).isEqualTo(Integer.toString(writesDuring));
            assertThat(check.llen("log")).isEqualTo(writesDuring);
            assertThat(check.get("key:49999")).isEqualTo("value-199999");
            assertThat(check.dbSize()).isEqualTo(50_002);
        }
    }

    @Test
    void aTornTailIsCutOffAndTheRestLoads() throws IOException {
        // A half-written last command (as after a crash mid-write) is truncated with a warning.
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            jedis.set("kept", "yes");
        }
        Path aof = dir.resolve(CacheServerConfig.AOF_FILE);
        long intact = Files.size(aof);
        Files.writeString(aof, "*3\r\n$3\r\nSET\r\n$4\r\ntorn\r\n$3\r\nha", StandardOpenOption.APPEND);
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.get("kept")).isEqualTo("yes");
            assertThat(jedis.exists("torn")).isFalse();
        }
        assertThat(Files.readString(aof)).doesNotContain("torn").hasSizeGreaterThanOrEqualTo((int) intact);
    }

    @Test
    void damageInTheMiddleOfTheAppendOnlyFileStopsTheStartWithItsOffset() throws IOException {
        // A damaged command followed by good ones is not silently skipped: the node refuses to start.
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            jedis.set("a", "1");
            jedis.set("b", "2");
            jedis.set("c", "3");
        }
        Path aof = dir.resolve(CacheServerConfig.AOF_FILE);
        byte[] bytes = Files.readAllBytes(aof);
        int damaged = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("*3\r\n$3\r\nSET\r\n$1\r\nb");
        bytes[damaged] = '#';
        Files.write(aof, bytes);
        assertThatThrownBy(() -> RunningServer.start(dir, b -> b.appendOnly(true)))
                .isInstanceOf(CacheStartupException.class)
                .hasMessageContaining("Bad file format reading the append only file")
                .hasMessageContaining("expected '*', got '#' at offset " + damaged);
    }

    @Test
    void aDamagedSnapshotStopsTheStart() throws IOException {
        // A snapshot whose checksum does not match is refused with a message that says what to do.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            jedis.set("k", "v");
            jedis.save();
        }
        Path dump = dir.resolve(CacheServerConfig.SNAPSHOT_FILE);
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(dump, bytes);
        assertThatThrownBy(() -> RunningServer.start(dir))
                .isInstanceOf(CacheStartupException.class)
                .hasMessageContaining("dump.sdrdb")
                .hasMessageContaining("Move the file away");
    }

    @Test
    void configSetAppendonlyTurnsTheLogOnAndOffAtRunTime() {
        // CONFIG SET appendonly yes writes the current data as the first AOF and logs from then on.
        try (RunningServer node = RunningServer.start(dir);
                Jedis jedis = node.jedis()) {
            jedis.set("before", "1");
            assertThat(jedis.configSet("appendonly", "yes")).isEqualTo("OK");
            jedis.set("after", "2");
            assertThat(jedis.info("persistence")).contains("aof_enabled:1");
        }
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.mget("before", "after")).containsExactly("1", "2");
        }
    }

    static void write(Jedis jedis) {
        jedis.set("s", "string");
        jedis.incrBy("n", 42);
        jedis.rpush("l", "a", "b", "c");
        jedis.lpop("l");
        jedis.hset("h", Map.of("f", "v", "g", "w"));
        jedis.sadd("t", "x", "y");
        jedis.zadd("z", Map.of("a", 1.0, "b", 0.1, "c", Double.NEGATIVE_INFINITY, "d", 2.5e-7));
        jedis.zincrby("z", 0.2, "b");
        jedis.zaddIncr("z", 1.5, "a", redis.clients.jedis.params.ZAddParams.zAddParams());
        jedis.zrem("z", "d");
        jedis.zadd("popped", Map.of("p", 1.0, "q", 2.0));
        jedis.zpopmin("popped");
        jedis.set("ttl", "v");
        jedis.expire("ttl", 1000);
        jedis.set("gone", "v");
        jedis.del("gone");
    }

    static void assertWritten(Jedis jedis) {
        assertThat(jedis.get("s")).isEqualTo("string");
        assertThat(jedis.get("n")).isEqualTo("42");
        assertThat(jedis.lrange("l", 0, -1)).isEqualTo(List.of("b", "c"));
        assertThat(jedis.hgetAll("h")).isEqualTo(Map.of("f", "v", "g", "w"));
        assertThat(jedis.smembers("t")).containsExactlyInAnyOrder("x", "y");
        assertThat(jedis.zrangeWithScores("z", 0, -1))
                .containsExactly(
                        new redis.clients.jedis.resps.Tuple("c", Double.NEGATIVE_INFINITY),
                        new redis.clients.jedis.resps.Tuple("b", 0.1 + 0.2),
                        new redis.clients.jedis.resps.Tuple("a", 2.5));
        assertThat(jedis.zrangeWithScores("popped", 0, -1))
                .containsExactly(new redis.clients.jedis.resps.Tuple("q", 2.0));
        assertThat(jedis.ttl("ttl")).isBetween(990L, 1000L);
        assertThat(jedis.exists("gone")).isFalse();
        assertThat(jedis.dbSize()).isEqualTo(8);
    }
}
