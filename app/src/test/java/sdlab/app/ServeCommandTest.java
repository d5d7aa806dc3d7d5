package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sdlab serve}: it prints where it listens and serves the catalog; a taken or impossible port is bad input. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void servePrintsItsUrlAndServesTheCatalogsChapters() {
        // The test's own "while serving" step asks the running lab for its chapters, then lets the command end.
        List<String> answers = new ArrayList<>();
        ServeCommand serve = new ServeCommand(ExperimentCatalog.of(List.of(new DiceExperiment())), lab -> {
            answers.add(lab.url().toString());
            answers.add(get(lab.url() + "api/chapters"));
        });
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(serve);
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("--port", "0", "--runs-dir", dir.resolve("runs").toString());

        assertThat(exit).isZero();
        assertThat(out.toString())
                .isEqualTo("sdlab web lab: " + answers.get(0) + " (runs kept in " + dir.resolve("runs")
                        + "; Ctrl-C stops it)" + System.lineSeparator());
        assertThat(answers.get(0)).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(answers.get(1)).contains("\"id\":\"dice\"");
    }

    @Test
    void aPortInUseIsOneLineOnStandardErrorAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandLineRun run =
                    CommandLineRun.of("serve", "--port", "" + taken.getLocalPort(), "--runs-dir", dir.toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .isEqualTo("sdlab: port " + taken.getLocalPort() + " on 127.0.0.1 is in use; choose another with "
                            + "--port, or --port 0 for any free port" + System.lineSeparator());
        }
    }

    @Test
    void aPortOutsideTheRangeIsBadInput() {
        CommandLineRun run = CommandLineRun.of("serve", "--port", "70000", "--runs-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("sdlab: --port must be from 0 to 65535, got 70000");
        assertThat(run.err().lines()).hasSize(1);
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new AssertionError("GET " + url, e);
        }
    }
}
