package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MONITOR and RESET on the engine; the lines themselves are compared with redis-server's in RedisDifferentialTest. */
class MonitorCommandsTest {
    private final EngineFixture f = new EngineFixture();
    private final ClientSession monitor = f.engine.newSession();
    private final List<String> seen = new ArrayList<>();

    MonitorCommandsTest() {
        monitor.setPushSink(reply -> seen.add(Replies.text(reply)));
        monitor.setAddress("127.0.0.1:5000");
        f.session.setAddress("127.0.0.1:6000");
    }

    private String asMonitor(String command) {
        byte[][] argv = java.util.Arrays.stream(command.split(" "))
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        return Replies.text(f.engine.execute(monitor, argv));
    }

    @Test
    void aMonitorSeesEachCommandWithTheEnginesTimeItsDatabaseAndItsClient() {
        assertThat(asMonitor("MONITOR")).isEqualTo("OK");
        f.clock.advanceMillis(7);
        f.run("SET k v");
        f.run("CONFIG GET maxmemory");
        assertThat(seen).containsExactly("1700000000.007000 [0 127.0.0.1:6000] \"SET\" \"k\" \"v\"");
        assertThat(f.run("CLIENT LIST")).contains("id=2 addr=127.0.0.1:5000").contains("flags=O");
    }

    @Test
    void aClosedOrResetMonitorIsSentNothingMore() {
        asMonitor("MONITOR");
        asMonitor("SELECT 4");
        assertThat(asMonitor("RESET")).isEqualTo("RESET");
        assertThat(asMonitor("SET a 1")).isEqualTo("OK");
        assertThat(f.engine.keyspace().db(0).size()).isEqualTo(1); // RESET went back to database 0
        seen.clear();
        f.run("PING");
        assertThat(seen).isEmpty();
        asMonitor("MONITOR");
        f.engine.closeSession(monitor);
        f.run("PING");
        assertThat(seen).isEmpty();
    }

    @Test
    void monitorIsRefusedInsideExecAndScripts() {
        f.run("MULTI");
        f.run("MONITOR");
        assertThat(f.run("EXEC")).isEqualTo("[(error) ERR MONITOR isn't allowed for DENY BLOCKING client]");
        assertThat(f.call("EVAL", "return redis.call('MONITOR')", "0"))
                .startsWith("(error) ERR This Redis command is not allowed from script");
    }

    @Test
    void replayingTheLogShowsNothing() {
        asMonitor("MONITOR");
        f.engine.replay(new byte[][] {"SET".getBytes(StandardCharsets.US_ASCII), {'k'}, {'v'}});
        assertThat(seen).isEmpty();
    }
}
