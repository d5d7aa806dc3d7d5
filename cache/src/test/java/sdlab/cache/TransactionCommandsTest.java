package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MULTI, EXEC and DISCARD with Redis 7.0's replies, and how an EXEC reaches the write log. */
class TransactionCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void commandsAfterMultiAreQueuedAndRunByExecInOrder() {
        // Nothing runs before EXEC; EXEC answers each queued command's reply in one array.
        assertThat(f.run("MULTI")).isEqualTo("OK");
        assertThat(f.run("SET a 1")).isEqualTo("QUEUED");
        assertThat(f.run("INCR a")).isEqualTo("QUEUED");
        assertThat(f.run("GET a")).isEqualTo("QUEUED");
        assertThat(f.session.inTransaction()).isTrue();
        assertThat(f.engine.keyspace().size()).isZero();
        assertThat(f.run("EXEC")).isEqualTo("[OK, (integer) 2, \"2\"]");
        assertThat(f.session.inTransaction()).isFalse();
        assertThat(f.run("GET a")).isEqualTo("\"2\"");
    }

    @Test
    void anEmptyTransactionAnswersAnEmptyArray() {
        // MULTI then EXEC with nothing queued is legal and answers *0.
        f.run("MULTI");
        assertThat(f.reply("EXEC")).isEqualTo(new Reply.Array(List.of()));
    }

    @Test
    void execAndDiscardWithoutMultiAndNestedMultiAreErrors() {
        // The misuse errors are Redis's words; a nested MULTI does not doom the open transaction.
        assertThat(f.run("EXEC")).isEqualTo("(error) ERR EXEC without MULTI");
        assertThat(f.run("DISCARD")).isEqualTo("(error) ERR DISCARD without MULTI");
        f.run("MULTI");
        assertThat(f.run("MULTI")).isEqualTo("(error) ERR MULTI calls can not be nested");
        assertThat(f.run("WATCH k")).isEqualTo("(error) ERR WATCH inside MULTI is not allowed");
        f.run("SET k v");
        assertThat(f.run("EXEC")).isEqualTo("[OK]");
    }

    @Test
    void discardDropsTheQueue() {
        // DISCARD answers OK, runs nothing and leaves the client outside MULTI.
        f.run("MULTI");
        f.run("SET a 1");
        assertThat(f.run("DISCARD")).isEqualTo("OK");
        assertThat(f.run("GET a")).isEqualTo("(nil)");
        assertThat(f.run("EXEC")).isEqualTo("(error) ERR EXEC without MULTI");
        assertThat(f.logged).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOSUCHCOMMAND x", "GET", "SET onlykey", "SAVE", "SHUTDOWN"})
    void aCommandRefusedWhileQueueingAbortsTheWholeTransaction(String refused) {
        // Unknown command, wrong arity or a command not allowed in MULTI: its error now, EXECABORT later, nothing
        // applied.
        f.run("MULTI");
        f.run("SET before 1");
        assertThat(f.run(refused)).startsWith("(error) ERR ");
        f.run("SET after 1");
        assertThat(f.run("EXEC")).isEqualTo("(error) EXECABORT Transaction discarded because of previous errors.");
        assertThat(f.engine.keyspace().size()).isZero();
        assertThat(f.logged).isEmpty();
        assertThat(f.session.inTransaction()).isFalse();
    }

    @Test
    void refusedCommandsOutsideMultiSayWhyAndExecRefusedDiscardsTheTransaction() {
        // SAVE is refused only inside MULTI; a refused EXEC (wrong arity) discards with EXECABORT and its reason.
        f.run("MULTI");
        assertThat(f.run("SAVE")).isEqualTo("(error) ERR Command not allowed inside a transaction");
        f.run("DISCARD");
        f.run("MULTI");
        f.run("SET a 1");
        assertThat(f.run("EXEC now"))
                .isEqualTo("(error) EXECABORT Transaction discarded because of: "
                        + "ERR wrong number of arguments for 'exec' command");
        assertThat(f.session.inTransaction()).isFalse();
        assertThat(f.run("GET a")).isEqualTo("(nil)");
    }

    @Test
    void multiNeedsAnAuthenticatedClient() {
        // MULTI is no exception to requirepass: NOAUTH before AUTH, a working transaction after.
        EngineFixture locked = new EngineFixture(CacheConfig.defaults().withRequirePass("secret"), 1);
        assertThat(locked.run("MULTI")).isEqualTo("(error) NOAUTH Authentication required.");
        assertThat(locked.session.inTransaction()).isFalse();
        locked.run("AUTH secret");
        locked.run("MULTI");
        locked.run("SET a 1");
        assertThat(locked.run("EXEC")).isEqualTo("[OK]");
    }

    @Test
    void aRuntimeErrorInsideExecDoesNotStopTheOtherCommands() {
        // WRONGTYPE in the middle: EXEC's array holds the error in its place, and the commands around it ran.
        f.run("RPUSH list x");
        f.run("MULTI");
        f.run("SET a 1");
        assertThat(f.run("INCR list")).isEqualTo("QUEUED");
        f.run("SET b 2");
        assertThat(f.run("EXEC"))
                .isEqualTo("[OK, (error) WRONGTYPE Operation against a key holding the wrong kind of value, OK]");
        assertThat(f.run("MGET a b")).isEqualTo("[\"1\", \"2\"]");
    }

    @Test
    void anExecWithWritesIsLoggedAsOneMultiExecBlock() {
        // Only the writes, in order, between MULTI and EXEC; a read-only EXEC logs nothing.
        f.run("SET x 0");
        f.logged.clear();
        f.run("MULTI");
        f.run("GET x");
        f.run("EXEC");
        assertThat(f.logged).isEmpty();
        f.run("MULTI");
        f.run("INCR x");
        f.run("GET x");
        f.run("SET y v EX 10");
        f.run("EXEC");
        assertThat(f.logged)
                .containsExactly("MULTI", "INCR x", "SET y v PXAT " + (EngineFixture.START_MILLIS + 10_000), "EXEC");
    }

    @Test
    void keysExpiringInsideExecAreLoggedInsideTheBlock() {
        // The DEL of a key that expired when a queued command touched it belongs to the transaction.
        f.run("SET k v PX 5");
        f.logged.clear();
        f.run("MULTI");
        f.run("GET k");
        f.run("SET other 1");
        f.clock.advanceMillis(10);
        f.run("EXEC");
        assertThat(f.logged).containsExactly("MULTI", "DEL k", "SET other 1", "EXEC");
    }

    @Test
    void whenMemoryIsFullEverythingButExecDiscardAndQuitIsRefusedInsideMulti() {
        // Over maxmemory with noeviction, queueing even a read is refused, and that dooms the transaction.
        EngineFixture probe = new EngineFixture();
        probe.run("SET key:1 " + "x".repeat(100));
        long oneKeyBytes = probe.engine.keyspace().usedMemoryBytes();
        EngineFixture full = new EngineFixture(CacheConfig.defaults().withMaxmemory(oneKeyBytes), 1);
        full.run("SET key:1 " + "x".repeat(100));
        full.run("SET key:2 " + "x".repeat(100));
        assertThat(full.run("MULTI")).isEqualTo("OK");
        assertThat(full.run("GET key:1")).isEqualTo("(error) OOM command not allowed when used memory > 'maxmemory'.");
        assertThat(full.run("EXEC")).isEqualTo("(error) EXECABORT Transaction discarded because of previous errors.");
        full.run("MULTI");
        assertThat(full.run("DISCARD")).isEqualTo("OK");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void anExecGivesTheSameResultAsRunningItsCommandsOneByOne(long seed) {
        // Property: for random command sequences, EXEC's replies and the data equal a plain run's.
        SplittableRandom random = new SplittableRandom(seed);
        List<String> commands = new ArrayList<>();
        String[] templates = {"SET k%d v%d", "INCR k%d", "RPUSH k%d e%d", "DEL k%d", "GET k%d", "APPEND k%d s%d"};
        for (int i = 0; i < 30; i++) {
            String template = templates[random.nextInt(templates.length)];
            commands.add(String.format(template, random.nextInt(4), random.nextInt(100)));
        }
        EngineFixture plain = new EngineFixture();
        List<String> plainReplies = new ArrayList<>();
        for (String command : commands) {
            plainReplies.add(plain.run(command));
        }
        f.run("MULTI");
        for (String command : commands) {
            assertThat(f.run(command)).isEqualTo("QUEUED");
        }
        assertThat(f.run("EXEC")).isEqualTo("[" + String.join(", ", plainReplies) + "]");
        for (int k = 0; k < 4; k++) {
            assertThat(f.run("TYPE k" + k)).isEqualTo(plain.run("TYPE k" + k));
        }
        List<String> block = new ArrayList<>(plain.logged);
        if (!block.isEmpty()) {
            block.add(0, "MULTI");
            block.add("EXEC");
        }
        assertThat(f.logged).isEqualTo(block);
    }
}
