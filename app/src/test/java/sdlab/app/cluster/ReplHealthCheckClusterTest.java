package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.app.cluster.ReplTestCluster.MANAGER;
import static sdlab.app.cluster.ReplTestCluster.N1;
import static sdlab.app.cluster.ReplTestCluster.N2;
import static sdlab.app.cluster.ReplTestCluster.N3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.NodeProcess;

/**
 * Chapter 12's point over processes: n1 is stopped with SIGSTOP, which leaves its port open (the kernel still
 * completes handshakes) while the process answers nothing. With {@code --health port} the manager's real TCP probe
 * passes, so nobody is failed over and writes stall until n1 resumes; with {@code --health lease} the lease runs out,
 * and with {@code --health query} the heartbeat write is not committed, and a replica is promoted. Same cluster, same
 * fault, the check alone differs.
 */
class ReplHealthCheckClusterTest {
    /** Past the manager's 5 s start grace, so that its probes count before the pause. */
    private static final Duration AFTER_GRACE = Duration.ofSeconds(6);
    /** Longer than the lease's 2 s, two checks 250 ms apart and the collection: time enough for a failover. */
    private static final Duration PAUSE = Duration.ofSeconds(8);

    private static final Duration ANSWER_WAIT = Duration.ofSeconds(120);
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(90);

    @ParameterizedTest
    @ValueSource(strings = {"port", "lease", "query"})
    void aStoppedPrimaryIsFailedOverByTheLeaseAndQueryChecksButNotByThePortCheck(String health, @TempDir Path directory)
            throws Exception {
        try (ReplTestCluster cluster = ReplTestCluster.start(directory, Map.of("mode", "async", "health", health))) {
            Thread.sleep(AFTER_GRACE.toMillis());
            cluster.processes.pause(N1);
            long pausedAt = System.nanoTime();
            try (RespTestClient stalled = new RespTestClient(cluster.port(N1))) {
                stalled.setReadTimeout(ANSWER_WAIT);
                CompletableFuture<Object> write = CompletableFuture.supplyAsync(() -> {
                    try {
                        return stalled.call("SET", "during-pause", "1");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Thread.sleep(PAUSE.toMillis());
                boolean answeredWhileStopped = write.isDone();
                cluster.processes.resume(N1);
                long resumedAt = System.nanoTime();
                Object answer = write.get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
                long answeredAt = System.nanoTime();
                boolean portCheck = health.equals("port");
                Optional<NodeId> primary = portCheck
                        ? cluster.awaitWritablePrimary(List.of(N1), FAILOVER_WAIT)
                        : cluster.awaitWritablePrimary(List.of(N2, N3), FAILOVER_WAIT);
                long writableAt = System.nanoTime();
                String managerLog = Files.readString(NodeProcess.logFile(directory, MANAGER), StandardCharsets.UTF_8);
                System.out.printf(
                        "repl --health %s: n1 stopped %d ms; the SET sent meanwhile was answered %d ms after the"
                                + " resume (%s); failed over: %s; %s took writes %d ms after the resume%n",
                        health,
                        (resumedAt - pausedAt) / 1_000_000,
                        (answeredAt - resumedAt) / 1_000_000,
                        answer,
                        managerLog.contains("failing over"),
                        primary.orElse(null),
                        (writableAt - resumedAt) / 1_000_000);

                assertThat(answeredWhileStopped)
                        .as("a write to a stopped primary is not answered")
                        .isFalse();
                if (portCheck) {
                    assertThat(managerLog)
                            .as("the port check passed throughout the stop:\n" + managerLog)
                            .doesNotContain("failing over");
                    assertThat(primary).as("n1 takes writes again once resumed").contains(N1);
                } else {
                    assertThat(managerLog)
                            .as("the check failed while n1 was stopped")
                            .contains("failing over");
                    assertThat(primary).as("a replica was promoted").isPresent();
                }
            }
        }
    }
}
