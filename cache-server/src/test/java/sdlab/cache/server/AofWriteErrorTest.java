package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import sdlab.cache.persist.AppendFsync;

/**
 * A disk that refuses writes for a while (full, or failing): with {@code appendfsync always} no
 * write is acknowledged that is not in the file. The write's client is disconnected unanswered,
 * later writes and PING are refused with MISCONF as in Redis, and once the disk takes writes
 * again the kept buffer is written and the node goes on; a restart reads every acknowledged write.
 */
class AofWriteErrorTest {
    @TempDir
    Path dir;

    /** The operating system's files, but appends and forces fail while {@link #failing} is set. */
    private static final class FailingFiles implements FileLayer {
        volatile boolean failing;
        /** The next force fails, once, as an fsync that hit an I/O error. */
        volatile boolean nextForceFails;
        /** Files created: a rewrite creates its new file. */
        volatile int created;

        @Override
        public AppendChannel openForAppend(Path path) throws IOException {
            return failable(FileLayer.OS.openForAppend(path));
        }

        @Override
        public AppendChannel create(Path path) throws IOException {
            created++;
            return failable(FileLayer.OS.create(path));
        }

        @Override
        public void rename(Path source, Path target) throws IOException {
            FileLayer.OS.rename(source, target);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            FileLayer.OS.syncDirectory(dir);
        }

        private AppendChannel failable(AppendChannel real) {
            return new AppendChannel() {
                @Override
                public void append(ByteBuffer bytes) throws IOException {
                    check();
                    real.append(bytes);
                }

                @Override
                public void force(boolean metadata) throws IOException {
                    check();
                    if (nextForceFails) {
                        nextForceFails = false;
                        throw new IOException("Input/output error");
                    }
                    real.force(metadata);
                }

                @Override
                public long size() throws IOException {
                    return real.size();
                }

                @Override
                public void truncate(long sizeBytes) throws IOException {
                    real.truncate(sizeBytes);
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        }

        private void check() throws IOException {
            if (failing) {
                throw new IOException("No space left on device");
            }
        }
    }

    @Test
    void aWriteTheDiskRefusedIsNeverAcknowledgedAndTheNodeResumesWhenTheDiskDoes() throws Exception {
        FailingFiles files = new FailingFiles();
        try (RunningServer node = RunningServer.start(
                dir, NodeFiles.over(files), b -> b.appendOnly(true).appendFsync(AppendFsync.ALWAYS))) {
            try (Jedis jedis = node.jedis()) {
                assertThat(jedis.set("before", "1")).isEqualTo("OK");
                files.failing = true;
                assertThatThrownBy(() -> jedis.set("during", "2")).isInstanceOf(JedisConnectionException.class);
            }
            try (Jedis jedis = node.jedis()) {
                assertThatThrownBy(() -> jedis.set("refused", "3"))
                        .isInstanceOf(JedisDataException.class)
                        .hasMessage("MISCONF Errors writing to the AOF file: No space left on device");
                assertThatThrownBy(jedis::ping).hasMessageStartingWith("MISCONF");
                assertThat(jedis.get("before")).isEqualTo("1"); // reads go on
                assertThat(jedis.info("persistence")).contains("aof_last_write_status:err");
                files.failing = false;
                JedisCommandsTest.waitUntil(() -> jedis.info("persistence").contains("aof_last_write_status:ok"));
                assertThat(jedis.set("after", "4")).isEqualTo("OK");
            }
        }
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.mget("before", "during", "refused", "after")).containsExactly("1", "2", null, "4");
        }
    }

    @Test
    void aFailedFsyncIsNotRetriedTheFileIsRewrittenFromMemoryBeforeWritesResume() throws Exception {
        // A retried fsync may report success over pages the kernel dropped after the first failed (fsyncgate), so the
        // node trusts no second try: it rewrites the file from memory, then accepts writes again.
        FailingFiles files = new FailingFiles();
        try (RunningServer node = RunningServer.start(
                dir, NodeFiles.over(files), b -> b.appendOnly(true).appendFsync(AppendFsync.ALWAYS))) {
            try (Jedis jedis = node.jedis()) {
                assertThat(jedis.set("before", "1")).isEqualTo("OK");
                files.nextForceFails = true;
                assertThatThrownBy(() -> jedis.set("during", "2")).isInstanceOf(JedisConnectionException.class);
            }
            try (Jedis jedis = node.jedis()) {
                JedisCommandsTest.waitUntil(() -> jedis.info("persistence").contains("aof_last_write_status:ok"));
                assertThat(files.created)
                        .as("the file was rewritten, not synced again")
                        .isPositive();
                assertThat(jedis.set("after", "3")).isEqualTo("OK");
            }
        }
        try (RunningServer node = RunningServer.start(dir, b -> b.appendOnly(true));
                Jedis jedis = node.jedis()) {
            assertThat(jedis.mget("before", "during", "after")).containsExactly("1", "2", "3");
        }
    }
}
