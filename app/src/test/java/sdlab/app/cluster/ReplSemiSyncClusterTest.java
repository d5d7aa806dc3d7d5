package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.N1;
import static sdlab.app.cluster.ReplTestCluster.N2;
import static sdlab.app.cluster.ReplTestCluster.N3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import sdlab.core.NodeId;

/**
 * The replicated store in semi-sync AFTER_SYNC with one acknowledgement, as real processes (a primary, two
 * replicas, a lease service and a failover manager) spoken to over RESP: replicas serve reads that catch up and
 * refuse writes, WAIT counts the replicas that hold a write, bad RESP gets an error and the node serves on, cutting
 * the replicas off makes semi-sync fall back to asynchronous and the counters say so, and after SIGKILL of the
 * primary during a write loop the promoted replica holds every write that was acknowledged. The crash runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplSemiSyncClusterTest {
    private static final long TIMEOUT_MS = 2_000;

    private ReplTestCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path directory) throws Exception {
        cluster = ReplTestCluster.start(
                directory, Map.of("mode", "semi-sync", "acks", "1", "semi-sync-timeout-ms", Long.toString(TIMEOUT_MS)));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void replicasServeReadsThatCatchUpAndRefuseWrites() throws Exception {
        assertThat(cluster.call(N1, "SET", "greeting", "hello")).isEqualTo("OK");
        assertThat(cluster.call(N1, "INCRBY", "counter", "5")).isEqualTo(5L);
        assertThat(cluster.call(N1, "INCRBY", "counter", "7")).isEqualTo(12L);

        for (NodeId replica : List.of(N2, N3)) {
            assertThat(eventually(replica, "GET", "counter", "12"))
                    .as("%s catches up", replica)
                    .isTrue();
            assertThat(cluster.call(replica, "GET", "greeting")).isEqualTo("hello");
            assertThat(cluster.call(replica, "SET", "greeting", "bye"))
                    .isEqualTo(new RespTestClient.Error("READONLY You can't write against a read only replica."));
            assertThat(cluster.info(replica, "role")).isEqualTo("slave");
            assertThat(cluster.info(replica, "master_port")).isEqualTo(Integer.toString(cluster.port(N1)));
        }
        assertThat(cluster.call(N1, "DEL", "greeting", "missing")).isEqualTo(1L);
        assertThat(cluster.call(N1, "GET", "greeting")).isNull();
        assertThat(cluster.info(N1, "role")).isEqualTo("master");
        assertThat(cluster.info(N1, "connected_slaves")).isEqualTo("2");
        assertThat(cluster.info(N1, "rpl_semi_sync_master_status")).isEqualTo("ON");
    }

    @Test
    @Order(2)
    void theStoresOwnClientAndRedisCliTalkToTheCluster() throws Exception {
        String dir = cluster.processes.directory().toString();
        assertThat(ClusterCommandTest.sdlab("cluster", "client", "repl", "set", "viaclient", "x", "--dir", dir)
                        .out())
                .isEqualTo("x\n");
        assertThat(ClusterCommandTest.sdlab("cluster", "client", "repl", "get", "viaclient", "--dir", dir)
                        .out())
                .isEqualTo("x\n");
        ClusterCommandTest.Result status = ClusterCommandTest.sdlab("cluster", "status", "--dir", dir);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("n3 resp 127.0.0.1:" + cluster.port(N3), "n5 failover manager");

        Assumptions.assumeTrue(
                onPath("redis-cli"),
                "redis-cli is not installed; install it with 'apt-get install -y redis-tools' to run the rest");
        String port = Integer.toString(cluster.port(N1));
        assertThat(run("redis-cli", "-p", port, "SET", "cli", "from redis-cli")).isEqualTo("OK\n");
        assertThat(run("redis-cli", "-p", port, "INCRBY", "cli-counter", "41")).isEqualTo("41\n");
        assertThat(run("redis-cli", "-p", port, "WAIT", "2", "1000")).isEqualTo("2\n");
        assertThat(run("redis-cli", "-p", Integer.toString(cluster.port(N2)), "GET", "cli"))
                .isEqualTo("from redis-cli\n");
        assertThat(run("redis-cli", "-p", Integer.toString(cluster.port(N2)), "ROLE"))
                .startsWith("slave\n127.0.0.1\n" + port + "\n");
        assertThat(run("redis-cli", "-p", port, "INFO", "replication")).contains("role:master", "connected_slaves:2");
    }

    @Test
    @Order(3)
    void aRedisClientLibraryWorksUnchanged() throws Exception {
        String python = pythonWithRedis();
        Assumptions.assumeTrue(
                python != null,
                "no python3 with the redis package; install it with 'apt-get install -y python3-redis' to run this test");
        String script =
                """
                import redis, sys
                primary = redis.Redis(port=int(sys.argv[1]), decode_responses=True)
                replica = redis.Redis(port=int(sys.argv[2]), decode_responses=True)
                print(primary.set("py", "hello"), primary.incrby("py-counter", 3), primary.execute_command("WAIT", 2, 2000))
                print(primary.info("replication")["role"], replica.info("replication")["role"])
                try:
                    replica.set("py", "bye")
                except redis.exceptions.ReadOnlyError:
                    print("read-only")
                """;
        assertThat(run(python, "-c", script, Integer.toString(cluster.port(N1)), Integer.toString(cluster.port(N2))))
                .isEqualTo("True 3 2\nmaster slave\nread-only\n");
    }

    @Test
    @Order(4)
    void waitCountsTheReplicasThatHoldThisConnectionsWrites() throws Exception {
        try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
            assertThat(client.call("SET", "waited", "1")).isEqualTo("OK");
            assertThat(client.call("WAIT", "2", "2000")).isEqualTo(2L);
            List<?> role = (List<?>) client.call("ROLE");
            assertThat(role.get(0)).isEqualTo("master");
            assertThat((List<?>) role.get(2)).hasSize(2);
        }
        assertThat(cluster.call(N2, "WAIT", "1", "10"))
                .isEqualTo(new RespTestClient.Error("ERR WAIT cannot be used with replica instances."));
    }

    @Test
    @Order(5)
    void malformedRespGetsAProtocolErrorAfterWhatCameBeforeItAndTheNodeServesOn() throws Exception {
        List<String> frames = List.of("*x\r\n", "*1\r\n+GET\r\n", "*1\r\n$-3\r\n", "*2\r\n$3\r\nGET\r\n$1\r\nkXX\r\n");
        for (String frame : frames) {
            try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
                client.sendRaw(frame);
                Object reply = client.read();
                assertThat(reply).isInstanceOf(RespTestClient.Error.class);
                assertThat(((RespTestClient.Error) reply).text()).startsWith("ERR Protocol error: ");
                assertThat(client.closedByServer())
                        .as("closed after %s", frame.strip())
                        .isTrue();
            }
        }
        try (RespTestClient client = new RespTestClient(cluster.port(N1))) {
            // Pipelined commands are answered in order, a malformed frame after them last, and then the door closes.
            client.sendRaw("*3\r\n$3\r\nSET\r\n$1\r\np\r\n$1\r\n1\r\nINCR p\r\nGET p\r\n*x\r\n");
            assertThat(client.read()).isEqualTo("OK");
            assertThat(client.read()).isEqualTo(2L);
            assertThat(client.read()).isEqualTo("2");
            assertThat(client.read())
                    .isEqualTo(new RespTestClient.Error("ERR Protocol error: invalid multibulk length"));
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(cluster.call(N1, "PING")).isEqualTo("PONG");
        assertThat(cluster.call(N1, "NOSUCH", "a")).isInstanceOf(RespTestClient.Error.class);
        assertThat(cluster.call(N1, "SET", "tab", "a\tb")).isInstanceOf(RespTestClient.Error.class);
        assertThat(cluster.call(N1, "SET", "after", "bad input")).isEqualTo("OK");
    }

    @Test
    @Order(6)
    void cuttingTheReplicasOffMakesSemiSyncFallBackAndTheCountersShowIt() throws Exception {
        // One replica cut off: the other still acknowledges, and one acknowledgement is all a commit waits for.
        long yesBefore = Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_yes_tx"));
        cluster.processes.partition(
                List.of(List.of(N1, N2, ReplTestCluster.LEASE, ReplTestCluster.MANAGER), List.of(N3)));
        long oneCutStart = System.nanoTime();
        assertThat(cluster.call(N1, "SET", "cut", "0")).isEqualTo("OK");
        assertThat((System.nanoTime() - oneCutStart) / 1_000_000).isLessThan(TIMEOUT_MS);
        assertThat(cluster.info(N1, "rpl_semi_sync_master_status")).isEqualTo("ON");
        assertThat(Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_yes_tx")))
                .isEqualTo(yesBefore + 1);

        long offBefore = Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_off_times"));
        long noTxBefore = Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_no_tx"));
        cluster.processes.partition(
                List.of(List.of(N1, ReplTestCluster.LEASE, ReplTestCluster.MANAGER), List.of(N2, N3)));
        try {
            long start = System.nanoTime();
            assertThat(cluster.call(N1, "SET", "cut", "1")).isEqualTo("OK");
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            assertThat(cluster.call(N1, "SET", "cut", "2")).isEqualTo("OK");
            long secondMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "semi-sync with the replicas cut off: first write %d ms (the timeout), next %d ms%n",
                    firstMillis, secondMillis);

            assertThat(firstMillis).as("the first write waits out the timeout").isGreaterThanOrEqualTo(TIMEOUT_MS);
            assertThat(secondMillis)
                    .as("later writes do not wait: asynchronous")
                    .isLessThan(TIMEOUT_MS);
            assertThat(cluster.info(N1, "rpl_semi_sync_master_status")).isEqualTo("OFF");
            assertThat(Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_off_times")))
                    .isEqualTo(offBefore + 1);
            assertThat(Long.parseLong(cluster.info(N1, "rpl_semi_sync_master_no_tx")))
                    .isGreaterThanOrEqualTo(noTxBefore + 2);
        } finally {
            cluster.processes.heal();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"ON".equals(cluster.info(N1, "rpl_semi_sync_master_status")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(cluster.info(N1, "rpl_semi_sync_master_status"))
                .as("back on once a replica caught up")
                .isEqualTo("ON");
        assertThat(eventually(N2, "GET", "cut", "2")).isTrue();
    }

    @Test
    @Order(7)
    void noAcknowledgedWriteIsLostWhenThePrimaryIsKilledAndAReplicaPromoted() throws Exception {
        KillDuringWrites.Result result = KillDuringWrites.run(cluster, 4, Duration.ofMillis(1500));

        System.out.printf(
                "semi-sync after-sync, 1 ack: %d writes acknowledged, %d lost after SIGKILL of n1; %s promoted,"
                        + " writable %d ms after the kill%n",
                result.acknowledged().size(), result.lost().size(), result.newPrimary(), result.failoverMillis());
        assertThat(result.acknowledged()).as("the loop wrote").hasSizeGreaterThan(20);
        assertThat(result.lost()).as("acknowledged writes lost").isEmpty();

        // The old primary comes back, finds the lease taken, is told who the primary is, and follows it.
        cluster.processes.restart(N1);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"slave".equals(roleOf(N1)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(roleOf(N1)).as("the old primary rejoins as a replica").isEqualTo("slave");
        assertThat(cluster.info(N1, "master_port")).isEqualTo(Integer.toString(cluster.port(result.newPrimary())));
        assertThat(cluster.call(N1, "SET", "k", "v"))
                .isEqualTo(new RespTestClient.Error("READONLY You can't write against a read only replica."));
    }

    /** The first python3 that can import redis (a python3 on the PATH may lack Debian's package), or null. */
    private static String pythonWithRedis() throws Exception {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if ((candidate.startsWith("/") ? java.nio.file.Files.isExecutable(Path.of(candidate)) : onPath(candidate))
                    && run(candidate, "-c", "import redis; print('ok')").equals("ok\n")) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, program)));
    }

    /** Runs a program to completion (at most 30 s) and returns what it printed. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        return output;
    }

    private String roleOf(NodeId node) {
        try {
            return cluster.info(node, "role");
        } catch (java.io.IOException notYet) {
            return null;
        }
    }

    /** Whether {@code node} answers {@code expected} to the command within 5 s. */
    private boolean eventually(NodeId node, String command, String key, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(cluster.call(node, command, key))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
