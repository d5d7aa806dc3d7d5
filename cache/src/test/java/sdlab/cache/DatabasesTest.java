package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SELECT, MOVE, SWAPDB, FLUSHDB and the log's SELECTs, on the engine with a fake clock. */
class DatabasesTest {
    private final EngineFixture f = new EngineFixture();
    private final ClientSession other = f.engine.newSession();

    private String other(String command) {
        String[] args = command.split(" ");
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return Replies.text(f.engine.execute(other, argv));
    }

    @Test
    void eachDatabaseHasItsOwnKeysAndSizes() {
        f.run("SET k zero");
        f.run("SELECT 5");
        assertThat(f.run("GET k")).isEqualTo("(nil)");
        f.run("SET k five");
        f.run("SET only5 x");
        assertThat(f.run("DBSIZE")).isEqualTo("(integer) 2");
        assertThat(other("GET k")).isEqualTo("\"zero\"");
        assertThat(other("DBSIZE")).isEqualTo("(integer) 1");
        assertThat(other("KEYS *")).isEqualTo("[\"k\"]");
        assertThat(f.run("SELECT 15")).isEqualTo("OK");
        assertThat(f.run("SELECT 16")).isEqualTo("(error) ERR DB index is out of range");
        assertThat(f.run("SELECT -1")).isEqualTo("(error) ERR DB index is out of range");
        assertThat(f.run("DBSIZE")).isEqualTo("(integer) 0");
    }

    @Test
    void moveTakesTheValueAndItsTtlAndRefusesToOverwrite() {
        f.run("SET k v PX 50000");
        assertThat(f.run("MOVE k 3")).isEqualTo("(integer) 1");
        assertThat(f.run("EXISTS k")).isEqualTo("(integer) 0");
        other("SELECT 3");
        assertThat(other("GET k")).isEqualTo("\"v\"");
        assertThat(other("PTTL k")).isEqualTo("(integer) 50000");
        f.run("SET k again");
        assertThat(f.run("MOVE k 3")).isEqualTo("(integer) 0");
        assertThat(f.run("MOVE missing 3")).isEqualTo("(integer) 0");
        assertThat(f.run("MOVE k 0")).isEqualTo("(error) ERR source and destination objects are the same");
        assertThat(f.run("MOVE k 16")).isEqualTo("(error) ERR DB index is out of range");
        assertThat(f.run("MOVE k x")).isEqualTo("(error) ERR value is not an integer or out of range");
    }

    @Test
    void swapdbExchangesTheKeysUnderEveryClientsFeet() {
        f.run("SET a in0");
        other("SELECT 1");
        other("SET b in1");
        assertThat(f.run("SWAPDB 0 1")).isEqualTo("OK");
        assertThat(f.run("GET b")).isEqualTo("\"in1\"");
        assertThat(other("GET a")).isEqualTo("\"in0\"");
        assertThat(f.run("SWAPDB 0 0")).isEqualTo("OK");
        assertThat(f.run("SWAPDB x 0")).isEqualTo("(error) ERR invalid first DB index");
        assertThat(f.run("SWAPDB 0 x")).isEqualTo("(error) ERR invalid second DB index");
        assertThat(f.run("SWAPDB 0 16")).isEqualTo("(error) ERR DB index is out of range");
    }

    @Test
    void swapdbBreaksAWatchOnEitherSideButNotElsewhere() {
        f.run("SET w v");
        f.run("WATCH w");
        other("SWAPDB 1 2");
        f.run("MULTI");
        f.run("SET x 1");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
        f.run("WATCH w");
        other("SWAPDB 0 7");
        f.run("MULTI");
        f.run("SET x 2");
        assertThat(f.run("EXEC")).isEqualTo("(nil)");
    }

    @Test
    void aWatchIsOnTheKeyOfTheWatchersDatabase() {
        f.run("WATCH k");
        other("SELECT 1");
        other("SET k changed-elsewhere");
        f.run("MULTI");
        f.run("PING");
        assertThat(f.run("EXEC")).isEqualTo("[PONG]");
    }

    @Test
    void flushdbEmptiesOneDatabaseAndFlushallEvery() {
        f.run("SET a 1");
        f.run("SELECT 2");
        f.run("SET b 2");
        f.run("SET c 3 PX 100000");
        f.run("SELECT 0");
        assertThat(f.run("FLUSHDB")).isEqualTo("OK");
        assertThat(f.engine.keyspace().size()).isEqualTo(2);
        assertThat(f.engine.keyspace().volatileSize()).isEqualTo(1);
        assertThat(f.engine.keyspace().db(2).volatileSize()).isEqualTo(1);
        f.run("SET a 1");
        assertThat(f.run("FLUSHALL")).isEqualTo("OK");
        assertThat(f.engine.keyspace().size()).isZero();
        assertThat(f.engine.keyspace().usedMemoryBytes()).isZero();
    }

    @Test
    void copyWritesIntoAnotherDatabase() {
        f.run("RPUSH l a b");
        assertThat(f.run("COPY l l DB 4")).isEqualTo("(integer) 1");
        assertThat(f.run("COPY l l DB 4")).isEqualTo("(integer) 0");
        other("SELECT 4");
        assertThat(other("LRANGE l 0 -1")).isEqualTo("[\"a\", \"b\"]");
        assertThat(f.run("COPY l l")).isEqualTo("(error) ERR source and destination objects are the same");
    }

    @Test
    void theLogSelectsTheDatabaseOfEachChangeWhenItDiffers() {
        f.run("SET a 1");
        f.run("SELECT 3");
        f.run("SET b 2");
        f.run("SET c 3");
        f.run("GET c");
        other("SET d 4");
        assertThat(f.logged).containsExactly("SET a 1", "SELECT 3", "SET b 2", "SET c 3", "SELECT 0", "SET d 4");
    }

    @Test
    void aRestartedLogSelectsAgainBeforeItsFirstChange() {
        // An AOF rewrite's captured tail is read after the snapshot, which may end in any database.
        f.run("SELECT 4");
        f.run("SET a 1");
        f.engine.writeLogRestarted();
        f.run("SET b 2");
        assertThat(f.logged).containsExactly("SELECT 4", "SET a 1", "SELECT 4", "SET b 2");
    }

    @Test
    void anExpiredKeyIsDeletedInItsOwnDatabaseInTheLog() {
        f.run("SELECT 9");
        f.run("SET k v PX 10");
        f.run("SELECT 0");
        f.clock.advanceMillis(20);
        f.engine.activeExpireCycle();
        assertThat(f.logged).containsExactly("SELECT 9", "SET k v PXAT 1700000000010", "DEL k");
        f.run("SET z 1");
        assertThat(f.logged).endsWith("SELECT 0", "SET z 1");
    }

    @Test
    void aSelectInsideMultiStaysButOneInsideAScriptDoesNot() {
        f.run("MULTI");
        f.run("SELECT 2");
        f.run("SET t x");
        f.run("EXEC");
        assertThat(f.run("GET t")).isEqualTo("\"x\"");
        f.call("EVAL", "redis.call('SELECT', 6); redis.call('SET', 's', 'y'); return 1", "0");
        assertThat(f.run("GET s")).isEqualTo("(nil)");
        f.run("SELECT 6");
        assertThat(f.run("GET s")).isEqualTo("\"y\"");
        assertThat(f.logged)
                .containsExactly("SELECT 2", "MULTI", "SET t x", "EXEC", "SELECT 6", "MULTI", "SET s y", "EXEC");
    }

    @Test
    void aReplayedLogPutsEveryKeyBackInItsDatabase() {
        f.run("SET a 1");
        f.run("SELECT 1");
        f.run("SET a 2");
        f.run("MOVE a 2");
        f.run("SWAPDB 2 3");
        EngineFixture replayed = new EngineFixture();
        for (String line : f.logged) {
            byte[][] argv = java.util.Arrays.stream(line.split(" "))
                    .map(s -> s.getBytes(StandardCharsets.UTF_8))
                    .toArray(byte[][]::new);
            assertThat(replayed.engine.replay(argv)).isNotInstanceOf(Reply.Error.class);
        }
        for (int db = 0; db < 4; db++) {
            f.run("SELECT " + db);
            replayed.run("SELECT " + db);
            assertThat(replayed.run("GET a")).as("db %d", db).isEqualTo(f.run("GET a"));
        }
        assertThat(replayed.run("GET a")).isEqualTo("\"2\""); // db 3 now holds what was moved into 2
    }

    @Test
    void infoListsEveryDatabaseWithKeysAndClientListShowsTheSelection() {
        f.run("SET a 1");
        f.run("SELECT 11");
        f.run("SET b 1 PX 100000");
        f.run("SET c 1");
        String info = f.run("INFO keyspace");
        assertThat(info).contains("db0:keys=1,expires=0,avg_ttl=0").contains("db11:keys=2,expires=1,avg_ttl=0");
        assertThat(f.run("CLIENT INFO")).contains(" db=11 ");
        assertThat(f.run("CONFIG GET databases")).isEqualTo("[\"databases\", \"16\"]");
    }

    @Test
    void aBlockedClientWaitsOnItsOwnDatabasesKeyAndMoveOrSwapdbCanWakeIt() {
        List<String> served = new ArrayList<>();
        other.setDeferredReplySink(reply -> served.add(Replies.text(reply)));
        other("SELECT 3");
        assertThat(f.engine.execute(other, argv("BLPOP q 0"))).isEqualTo(Reply.Blocked.INSTANCE);
        f.run("RPUSH q in-db-0");
        assertThat(served).isEmpty();
        f.run("MOVE q 3");
        assertThat(served).containsExactly("[\"q\", \"in-db-0\"]");
        served.clear();
        assertThat(f.engine.execute(other, argv("BLPOP r 0"))).isEqualTo(Reply.Blocked.INSTANCE);
        f.run("SELECT 7");
        f.run("RPUSH r from-7");
        f.run("SWAPDB 3 7");
        assertThat(served).containsExactly("[\"r\", \"from-7\"]");
        assertThat(f.logged).contains("SELECT 3", "LPOP r");
    }

    private static byte[][] argv(String command) {
        return java.util.Arrays.stream(command.split(" "))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }
}
