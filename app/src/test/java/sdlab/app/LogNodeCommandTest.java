package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code sdlab node log}: a user's mistakes get a message and a non-zero exit, never a stack trace. */
class LogNodeCommandTest {

    @Test
    void aPartitionCountOutOfRangeIsRefusedWithExitTwo() {
        CommandLineRun run = CommandLineRun.of("node", "log", "--port", "0", "--partitions", "0");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--partitions 1..1000");
    }

    @Test
    void aTopicNameKafkaWouldRefuseIsRefusedWithExitTwo() {
        CommandLineRun run = CommandLineRun.of("node", "log", "--port", "0", "--topic", "no spaces");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("topic 'no spaces'");
    }

    @Test
    void aPortInUseIsReportedWithExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLineRun run = CommandLineRun.of("node", "log", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("cannot start the log node on 127.0.0.1:" + taken.getLocalPort());
            assertThat(run.err()).doesNotContain("\tat ");
        }
    }
}
