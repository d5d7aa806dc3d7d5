package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sdlab.app.cluster.jepsen.JepsenResult;
import sdlab.app.cluster.jepsen.JepsenRun;
import sdlab.app.cluster.jepsen.JepsenSettings;
import sdlab.app.cluster.jepsen.Judgement;
import sdlab.app.cluster.jepsen.NemesisKind;
import sdlab.check.Verdict;
import sdlab.check.causal.CausalViolation;
import sdlab.core.client.Outcome;

/**
 * {@code cluster test causal --level session-token} on real processes: each operation goes to any replica with the
 * client's version token, the history stays causally consistent under partitions and kills, and the requests really
 * are spread over every replica; a replica that ignores the token (the hidden {@code --planted-bug token-ignored})
 * lets a client miss its own write, which the causal checker reports ({@link OwnWriteScenario}).
 */
class CausalSessionTokenClusterTest {
    private static final Map<String, String> SESSION_TOKEN = Map.of("level", "session-token");

    @TempDir
    Path directory;

    @Test
    void withTokensOnAnyReplicaUnderPartitionsAndKillsEveryReadRespectsCausality() throws Exception {
        // Shows: concurrent clients moving between replicas stay causal, and each replica took a real share of the
        // requests (the clients did not stick to one).
        JepsenSettings settings = new JepsenSettings(
                CausalClusterMechanism.NAME,
                SESSION_TOKEN,
                3,
                4,
                Duration.ofSeconds(8),
                100,
                List.of(NemesisKind.PARTITION, NemesisKind.KILL),
                Duration.ofMillis(1500),
                2,
                0.5,
                11,
                directory.resolve("test"));
        ReplicaCountingMechanism counting =
                new ReplicaCountingMechanism(ClusterMechanisms.resolve(CausalClusterMechanism.NAME, SESSION_TOKEN));
        JepsenResult result = new JepsenRun(
                        settings,
                        counting,
                        ClusterMechanisms.workload(CausalClusterMechanism.NAME, 2, 0.5, 4),
                        ClusterMechanisms.claim(CausalClusterMechanism.NAME),
                        ClusterMechanisms.LAUNCHER,
                        line -> {})
                .run();

        Map<sdlab.core.NodeId, Long> requests = counting.requestsByReplica();
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("session-token run: %s requests by replica, %d ok%n", requests, result.ok());
        assertThat(requests).hasSize(3);
        assertThat(requests.values()).allSatisfy(count -> assertThat(count).isGreaterThan(total / 10));
        assertThat(result.ok()).isPositive();
        Judgement.Causality causality = (Judgement.Causality) result.judgement();
        assertThat(causality.report().verdict())
                .as("%s", causality.report().examples())
                .isEqualTo(Verdict.VALID);
        assertThat(result.exitCode()).isZero();
        assertThat(ClusterTestCommand.text(result)).contains("session-token", "valid");
    }

    @Test
    void theTokenGivesAClientItsOwnWriteOrARefusalOnAnyReplica() {
        // Shows: behind a partition, every read the client makes returns its own write or is refused by a replica
        // that has not applied it yet; never an older value. Reads did reach both sides of the partition.
        OwnWriteScenario.Result result = run("correct", SESSION_TOKEN);

        assertThat(result.reads()).allMatch(read -> read.equals(Outcome.ok(1L)) || read instanceof Outcome.Fail);
        assertThat(result.reads()).contains(Outcome.ok(1L));
        assertThat(result.reads()).anyMatch(read -> read instanceof Outcome.Fail);
        assertThat(result.report().verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theCheckerCatchesAReplicaThatIgnoresTheToken() {
        // Shows: the planted bug answers reads on the far side at once, with nil, and the checker reports those reads
        // as overwritten in their causal past by the client's own write.
        OwnWriteScenario.Result result =
                run("planted", Map.of("level", "session-token", "planted-bug", "token-ignored"));

        assertThat(result.reads()).contains(Outcome.ok(null));
        assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.report().examples()).anySatisfy(violation -> {
            assertThat(violation.kind()).isEqualTo(CausalViolation.Kind.OVERWRITTEN_IN_CAUSAL_PAST);
            assertThat(violation.valueRead()).isNull();
            assertThat(violation.causeValue()).isEqualTo(1L);
        });
    }

    private OwnWriteScenario.Result run(String name, Map<String, String> options) {
        try {
            return OwnWriteScenario.run(directory.resolve(name), options);
        } catch (Exception e) {
            throw new AssertionError("the scenario could not run: " + e, e);
        }
    }
}
