package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropagationTest {
    private final EngineFixture f = new EngineFixture();
    private final long start = EngineFixture.START_MILLIS;

    @Test
    void relativeExpiriesAreLoggedAsAbsoluteTimes() {
        // SET EX and EXPIRE are logged as SET PXAT and PEXPIREAT, so a replay tomorrow expires at the same instant.
        f.run("SET a v EX 10");
        f.run("EXPIRE a 20");
        f.run("SETEX b 5 v");
        assertThat(f.logged)
                .containsExactly(
                        "SET a v PXAT " + (start + 10_000),
                        "PEXPIREAT a " + (start + 20_000),
                        "SET b v PXAT " + (start + 5_000));
    }

    @Test
    void onlyCommandsThatChangedSomethingAreLogged() {
        // Reads, refused writes and no-op writes leave no trace.
        f.run("GET a");
        f.run("SET a v NX");
        f.run("SET a w NX");
        f.run("DEL missing");
        f.run("SADD s m");
        f.run("SADD s m");
        f.run("EXPIRE missing 10");
        assertThat(f.logged).containsExactly("SET a v", "SADD s m");
    }

    @Test
    void expiredAndEvictedKeysAreLoggedAsDel() {
        // Keys that vanish without a command naming them still reach the log, before the command that noticed.
        f.run("SET k v PX 10");
        f.clock.advanceMillis(10);
        f.run("GET k");
        assertThat(f.logged).containsExactly("SET k v PXAT " + (start + 10), "DEL k");
    }

    @Test
    void pastExpiryIsLoggedAsDelAndOtherWritesVerbatim() {
        // EXPIRE into the past deletes; INCR, LPUSH and friends replay as they came.
        f.run("SET k v");
        f.run("EXPIRE k -5");
        f.run("INCR n");
        f.run("LPUSH l a b");
        f.run("SET g 1 GET");
        f.run("SET t 1 KEEPTTL");
        assertThat(f.logged).containsExactly("SET k v", "DEL k", "INCR n", "LPUSH l a b", "SET g 1", "SET t 1 KEEPTTL");
    }

    @Test
    void replayRebuildsTheSameKeyspaceWithoutLoggingAgain() {
        // Feeding the log to a fresh engine gives the same data; replay itself logs nothing.
        f.run("MSET a 1 b 2");
        f.run("RPUSH l x y z");
        f.run("LPOP l");
        f.run("HSET h f v");
        f.run("SADD s m n");
        f.run("SREM s n");
        f.run("INCRBY a 5");
        f.run("SET e v EX 100");
        EngineFixture other = new EngineFixture();
        for (String line : f.logged) {
            Reply reply = other.engine.replay(toArgv(line));
            assertThat(reply).isNotInstanceOf(Reply.Error.class);
        }
        assertThat(other.logged).isEmpty();
        assertThat(other.run("KEYS *")).isEqualTo(f.run("KEYS *"));
        assertThat(other.run("HGETALL h")).isEqualTo("[\"f\", \"v\"]");
        assertThat(other.run("LRANGE l 0 -1")).isEqualTo("[\"y\", \"z\"]");
        assertThat(other.run("GET a")).isEqualTo("\"6\"");
        assertThat(other.run("SMEMBERS s")).isEqualTo("[\"m\"]");
        assertThat(other.run("PTTL e")).isEqualTo("(integer) 100000");
    }

    private static byte[][] toArgv(String line) {
        String[] parts = line.split(" ");
        byte[][] argv = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            argv[i] = parts[i].getBytes();
        }
        return argv;
    }
}
