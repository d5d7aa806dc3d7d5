package sdlab.traffic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeCommandsTest {

    @Test
    void aBadConfigurationExitsWith2AndListsEveryProblem(@TempDir Path dir) throws Exception {
        // No stack trace: the user reads which fields to fix.
        Path config = dir.resolve("gateway.json");
        Files.writeString(config, "{\"listen\": {\"port\": 8080}, \"routes\": [{\"upstream\": \"nope\"}]}");
        String err = runCapturingStderr(new GatewayNodeCommand(), 2, "--config", config.toString());
        assertThat(err).contains("routes[0].upstream: unknown upstream 'nope'").doesNotContain("Exception");
    }

    @Test
    void aPortInUseExitsWith1AndSaysSo(@TempDir Path dir) throws Exception {
        // The listener cannot bind: a one-line explanation, not a stack trace.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = dir.resolve("gateway.json");
            Files.writeString(
                    config,
                    """
                    {"listen": {"host": "127.0.0.1", "port": %d},
                     "upstreams": [{"name": "api", "servers": [{"address": "127.0.0.1:1"}]}],
                     "routes": [{"upstream": "api"}]}
                    """
                            .formatted(taken.getLocalPort()));
            String err = runCapturingStderr(new GatewayNodeCommand(), 1, "--config", config.toString());
            assertThat(err).startsWith("gateway: cannot listen:");
        }
    }

    private static String runCapturingStderr(Object command, int exitExpected, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(command).execute(args)).isEqualTo(exitExpected);
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
