package sdlab.coord.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.ZooKeeperMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A short zkCli session against the node: create, ls, get, set, stat, delete and deleteall, as a
 * user types them. {@code ZooKeeperMain} is the class zkCli.sh runs, so its commands are driven
 * here in this JVM; the script itself is run too when it is installed (it is not on this
 * project's build machines, so that test is skipped there, and says so).
 */
class ZkCliSessionTest {
    private static final List<String> SESSION = List.of(
            "create /cli hello",
            "create /cli/child x",
            "ls /cli",
            "get /cli",
            "set /cli world",
            "stat /cli",
            "delete /cli/child",
            "create /cli/again y",
            "deleteall /cli",
            "ls /");

    private CoordServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new CoordServer("127.0.0.1", 0, 2_000).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void zkClisCommandsWork() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper client = new ZooKeeper("127.0.0.1:" + server.port(), 4_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        // Before ZooKeeperMain is loaded: its commands keep the streams they were made with (and
        // print "Created ..." to the error stream, as zkCli.sh shows it).
        PrintStream transcript = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(transcript);
        System.setErr(transcript);
        try {
            ZooKeeperMain cli = new ZooKeeperMain(client);
            for (String line : SESSION) {
                System.out.println("> " + line);
                cli.executeLine(line);
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
            client.close();
        }
        checkTranscript(printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theInstalledZkCliScriptWorks() throws Exception {
        Path script = installedZkCli();
        Assumptions.assumeTrue(script != null, "zkCli.sh is not installed on this machine");
        Process process = new ProcessBuilder(script.toString(), "-server", "127.0.0.1:" + server.port())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write((String.join("\n", SESSION) + "\nquit\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String transcript = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        checkTranscript(transcript);
    }

    private static void checkTranscript(String transcript) {
        assertThat(transcript)
                .contains("Created /cli")
                .contains("Created /cli/child")
                .contains("[child]")
                .contains("hello")
                .contains("dataVersion = 1")
                .contains("numChildren = 1")
                .contains("[zookeeper]")
                .doesNotContain("Node does not exist")
                .doesNotContain("Exception");
    }

    private static Path installedZkCli() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("zkCli.sh", "zkCli", "zookeeper-client")) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
