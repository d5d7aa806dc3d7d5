package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server commands tools send: CONFIG of every redis.conf parameter, CLIENT, WAIT, MEMORY, SLOWLOG, DEBUG. */
class AdminCommandsTest {
    private final EngineFixture f = new EngineFixture();

    @Test
    void everyRedisConfParameterIsAcceptedAndTheInertOnesSayTheyAre() {
        // Test harnesses set encoding thresholds; refusing them stopped the harness (issue 11).
        assertThat(f.run("CONFIG SET list-max-ziplist-size 5")).isEqualTo("OK");
        assertThat(f.run("CONFIG GET list-max-ziplist-size")).isEqualTo("[\"list-max-ziplist-size\", \"5\"]");
        assertThat(f.run("CONFIG SET hash-max-listpack-entries 64 slowlog-max-len 10"))
                .isEqualTo("OK");
        assertThat(f.run("CONFIG GET sdlab-no-effect"))
                .contains("list-max-ziplist-size")
                .contains("slowlog-max-len");
        assertThat(f.run("CONFIG GET sdlab-no-effect")).doesNotContain("maxmemory-policy");
        assertThat(f.run("CONFIG SET no-such-parameter 1"))
                .isEqualTo("(error) ERR Unknown option or number of arguments for CONFIG SET - 'no-such-parameter'");
    }

    @Test
    void clientListShowsEverySessionAndKillClosesOne() {
        // CLIENT LIST lines in Redis's field order; CLIENT KILL ID reaches the other client's killer.
        ClientSession other = f.engine.newSession();
        other.setAddress("127.0.0.1:5555");
        boolean[] killed = {false};
        other.setKiller(() -> killed[0] = true);
        f.session.setAddress("127.0.0.1:4444");
        f.run("CLIENT SETNAME me");
        String list = f.run("CLIENT LIST");
        assertThat(list)
                .contains("id=" + f.session.id() + " addr=127.0.0.1:4444 ")
                .contains(" name=me ");
        assertThat(list).contains("id=" + other.id() + " addr=127.0.0.1:5555 ").contains(" resp=2");
        assertThat(f.run("CLIENT INFO"))
                .startsWith("id=" + f.session.id() + " ")
                .contains(" cmd=client ");
        assertThat(f.run("CLIENT KILL ID " + other.id())).isEqualTo("(integer) 1");
        assertThat(killed[0]).isTrue();
        assertThat(f.run("CLIENT KILL 10.0.0.1:1")).isEqualTo("(error) ERR No such client");
        assertThat(f.run("CLIENT KILL ID " + f.session.id()))
                .as("SKIPME yes by default")
                .isEqualTo("(integer) 0");
    }

    @Test
    void waitMemorySlowlogLatencyFunctionAndDebugAnswerTruthfully() {
        // No replicas, no slow log, no functions: empty answers, never errors that stop a tool.
        f.run("SET k " + "v".repeat(100));
        assertThat(f.run("WAIT 1 0")).isEqualTo("(integer) 0");
        assertThat(f.run("MEMORY USAGE k")).startsWith("(integer) ");
        assertThat(f.run("MEMORY USAGE missing")).isEqualTo("(nil)");
        assertThat(f.run("SLOWLOG LEN")).isEqualTo("(integer) 0");
        assertThat(f.run("SLOWLOG GET 10")).isEqualTo("[]");
        assertThat(f.run("LATENCY LATEST")).isEqualTo("[]");
        assertThat(f.run("FUNCTION LIST")).isEqualTo("[]");
        assertThat(f.run("FUNCTION FLUSH")).isEqualTo("OK");
        assertThat(f.run("DEBUG SLEEP 0")).isEqualTo("OK");
        assertThat(f.run("DEBUG OBJECT k")).startsWith("Value at:").contains("encoding:raw");
    }

    @Test
    void memoryUsageGrowsWithTheValue() {
        // The figure is the engine's own accounting, so a bigger value costs more.
        f.call("SET", "small", "x");
        f.call("SET", "big", new String(new byte[10_000], StandardCharsets.ISO_8859_1));
        long small = Long.parseLong(f.run("MEMORY USAGE small").replace("(integer) ", ""));
        long big = Long.parseLong(f.run("MEMORY USAGE big").replace("(integer) ", ""));
        assertThat(big - small).isBetween(9_900L, 10_100L);
    }
}
