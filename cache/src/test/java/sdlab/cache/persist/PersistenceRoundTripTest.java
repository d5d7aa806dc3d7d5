package sdlab.cache.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.cache.EngineFixture;
import sdlab.cache.Reply;
import sdlab.cache.store.Snapshot;

class PersistenceRoundTripTest {

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 4L, 5L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRewrittenAofRebuildsTheSameKeyspace(long seed) throws IOException {
        // BGREWRITEAOF's output, replayed into an empty engine, gives back every key, value and TTL.
        EngineFixture source = populated(seed);
        GrowableBytes aof = new GrowableBytes(1024);
        Snapshot snapshot = source.engine.keyspace().beginSnapshot(new AofRewriteSink(aof));
        while (!snapshot.finished()) {
            snapshot.step(10);
        }
        EngineFixture target = new EngineFixture();
        AofLoadResult result = AofReader.read(new ByteArrayInputStream(aof.toByteArray()), argv -> {
            assertThat(target.engine.replay(argv)).isNotInstanceOf(Reply.Error.class);
        });
        assertThat(result).isInstanceOf(AofLoadResult.Complete.class);
        assertSameData(source, target);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSnapshotFileLoadsBackTheSameKeyspace(long seed) throws IOException {
        // The snapshot format round-trips every type, binary content and TTLs.
        EngineFixture source = populated(seed);
        byte[] file = snapshotFile(source);
        EngineFixture target = new EngineFixture();
        long keys = SnapshotReader.load(new ByteArrayInputStream(file), target.engine.keyspace());
        assertThat(keys).isEqualTo(source.engine.keyspace().size());
        assertSameData(source, target);
    }

    @Test
    void anyFlippedByteOrTruncationOfASnapshotIsDetected() throws IOException {
        // The checksum and structure checks catch every single-byte corruption and every truncation.
        byte[] file = snapshotFile(populated(9));
        for (int i = 0; i < file.length; i++) {
            byte[] damaged = file.clone();
            damaged[i] ^= 0x5A;
            EngineFixture target = new EngineFixture();
            assertThatThrownBy(() -> SnapshotReader.load(new ByteArrayInputStream(damaged), target.engine.keyspace()))
                    .as("byte %d flipped", i)
                    .isInstanceOf(SnapshotFormatException.class);
        }
        for (int length = 0; length < file.length; length += 7) {
            byte[] truncated = java.util.Arrays.copyOf(file, length);
            EngineFixture target = new EngineFixture();
            assertThatThrownBy(() -> SnapshotReader.load(new ByteArrayInputStream(truncated), target.engine.keyspace()))
                    .isInstanceOf(SnapshotFormatException.class);
        }
    }

    @Test
    void aVersionOneSnapshotFromBeforeSortedSetsStillLoads() throws IOException {
        // Files written before sorted sets existed carry version 1 and no zset records; they load unchanged.
        EngineFixture source = new EngineFixture();
        source.call("SET", "s", "v");
        source.call("SADD", "t", "a", "b");
        byte[] file = snapshotFile(source);
        assertThat(file[SnapshotFormat.MAGIC.length]).isEqualTo((byte) SnapshotFormat.VERSION);
        file[SnapshotFormat.MAGIC.length] = (byte) SnapshotFormat.VERSION_WITHOUT_ZSETS;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(file, 0, file.length - 4);
        int checksum = (int) crc.getValue();
        for (int i = 0; i < 4; i++) {
            file[file.length - 4 + i] = (byte) (checksum >>> (24 - 8 * i));
        }
        EngineFixture target = new EngineFixture();
        assertThat(SnapshotReader.load(new ByteArrayInputStream(file), target.engine.keyspace()))
                .isEqualTo(2);
        assertSameData(source, target);
    }

    private static byte[] snapshotFile(EngineFixture source) {
        GrowableBytes out = new GrowableBytes(1024);
        SnapshotWriter writer = new SnapshotWriter(out);
        Snapshot snapshot = source.engine.keyspace().beginSnapshot(writer);
        while (!snapshot.finished()) {
            snapshot.step(10);
        }
        writer.finish();
        return out.toByteArray();
    }

    /**
     * Random keys of every type in four databases (the same name in several), some with TTLs,
     * some collections longer than one rewrite batch.
     */
    private static EngineFixture populated(long seed) {
        EngineFixture f = new EngineFixture();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 60; i++) {
            f.call("SELECT", Integer.toString(random.nextInt(4)));
            String key = "k" + random.nextInt(45);
            f.call("DEL", key);
            int items = 1 + random.nextInt(150);
            switch (random.nextInt(5)) {
                case 0 -> f.call("SET", key, "v" + random.nextInt(), "\u0000\r\n");
                case 1 -> {
                    for (int j = 0; j < items; j++) {
                        f.call("RPUSH", key, "e" + j);
                    }
                }
                case 2 -> {
                    for (int j = 0; j < items; j++) {
                        f.call("HSET", key, "f" + j, "v" + random.nextInt(10));
                    }
                }
                case 3 -> {
                    for (int j = 0; j < items; j++) {
                        f.call("SADD", key, "m" + random.nextInt(200));
                    }
                }
                default -> {
                    // Fewer than the other types (but more than one rewrite batch): each carries 8 score bytes.
                    for (int j = 0; j < Math.min(items, 80); j++) {
                        f.call("ZADD", key, awkwardScore(random), "m" + random.nextInt(200));
                    }
                }
            }
            if (random.nextBoolean()) {
                f.call("PEXPIRE", key, Integer.toString(1000 + random.nextInt(100_000)));
            }
        }
        return f;
    }

    /** Scores whose text must round-trip exactly: fractions, tiny and huge magnitudes, infinities. */
    private static String awkwardScore(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> Double.toString(random.nextDouble() * 1e6);
            case 1 -> Double.toString(random.nextDouble() * 1e-300);
            case 2 -> Double.toString(-random.nextDouble() * 1e300);
            case 3 -> random.nextBoolean() ? "inf" : "-inf";
            default -> "0.1";
        };
    }

    private static void assertSameData(EngineFixture a, EngineFixture b) {
        assertThat(b.engine.keyspace().size()).isEqualTo(a.engine.keyspace().size());
        for (int db = 0; db < a.engine.keyspace().databaseCount(); db++) {
            assertThat(b.engine.keyspace().db(db).size())
                    .as("keys in db %d", db)
                    .isEqualTo(a.engine.keyspace().db(db).size());
            a.call("SELECT", Integer.toString(db));
            b.call("SELECT", Integer.toString(db));
            assertSameKeys(a, b, db);
        }
    }

    private static void assertSameKeys(EngineFixture a, EngineFixture b, int db) {
        a.engine.keyspace().db(db).forEachLive(e -> {
            String key = e.key().toString();
            for (String command : new String[] {"TYPE", "PTTL", "GET", "LRANGE", "HGETALL", "SMEMBERS", "ZRANGE"}) {
                String[] args =
                        switch (command) {
                            case "LRANGE" -> new String[] {command, key, "0", "-1"};
                            case "ZRANGE" -> new String[] {command, key, "0", "-1", "WITHSCORES"};
                            default -> new String[] {command, key};
                        };
                assertThat(b.call(args))
                        .as("db " + db + ": " + command + " " + key)
                        .isEqualTo(a.call(args));
            }
        });
    }
}
