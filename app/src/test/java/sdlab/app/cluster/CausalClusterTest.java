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

/**
 * Chapter 1's causal store as real processes: {@code cluster test causal} under partitions and kills gives a history
 * the causal checker finds valid; and a replica without its dependency check (the hidden {@code --planted-bug
 * shows-write-before-dependency}) shows an effect before its cause, which the same checker catches.
 *
 * <p>The planted bug is shown by a scripted scenario ({@link HiddenCauseScenario}), not by the random nemesis: a
 * violation needs a write to reach a replica before the write it depends on, and then a client there to read the
 * effect and the cause's key before anything overwrites it. Under the random nemesis that lined up in 2 of 8 runs of
 * 10-15 s tried by hand (a one-way partition every 1-3 s, 2 to 20 keys), too seldom for a test to rely on; the script
 * arranges it every time, on the same real processes, faults and checker.
 */
class CausalClusterTest {
    @TempDir
    Path directory;

    @Test
    void underPartitionsAndKillsEveryReadRespectsCausality() throws Exception {
        // Shows: concurrent clients, each on its own replica, with partitions and SIGKILLs: the causal checker finds
        // no read that returned a value overwritten in its causal past, and the run did read and write.
        JepsenSettings settings = new JepsenSettings(
                CausalClusterMechanism.NAME,
                Map.of(),
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
        JepsenResult result = new JepsenRun(
                        settings,
                        ClusterMechanisms.resolve(CausalClusterMechanism.NAME, Map.of()),
                        ClusterMechanisms.workload(CausalClusterMechanism.NAME, 2, 0.5, 4),
                        ClusterMechanisms.claim(CausalClusterMechanism.NAME),
                        ClusterMechanisms.LAUNCHER,
                        line -> {})
                .run();

        assertThat(result.nemesisEvents()).isNotEmpty();
        assertThat(result.ok()).isPositive();
        assertThat(result.judgement()).isInstanceOf(Judgement.Causality.class);
        Judgement.Causality causality = (Judgement.Causality) result.judgement();
        assertThat(causality.report().verdict())
                .as("%s", causality.report().examples())
                .isEqualTo(Verdict.VALID);
        assertThat(causality.report().readsChecked()).isPositive();
        assertThat(result.exitCode()).isZero();
        assertThat(ClusterTestCommand.text(result)).contains("causal consistency", "valid");
        assertThat(ClusterTestCommand.json(result))
                .contains("\"model\" : \"causal\"", "\"verdict\" : \"valid\"", "\"causalViolations\" : 0");
    }

    @Test
    void aReplicaHoldsAnEffectBackUntilItsCauseArrives() throws Exception {
        // Shows: with the dependency check, n3 does not show y = 3 while x = 2, on which it depends, cannot reach it;
        // once the partition heals both arrive, and the history is causally consistent.
        HiddenCauseScenario.Result result = HiddenCauseScenario.run(directory.resolve("correct"), Map.of());

        assertThat(result.effectSeenBeforeCause()).isFalse();
        assertThat(result.report().verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theCheckerCatchesAReplicaThatShowsAWriteBeforeItsDependency() throws Exception {
        // Shows: the planted bug, through the cluster's hidden option, lets n3 show y = 3 before x = 2; client 3 then
        // reads x = 1, overwritten in its causal past, and the causal checker reports exactly that read.
        HiddenCauseScenario.Result result = HiddenCauseScenario.run(
                directory.resolve("planted"), Map.of("planted-bug", "shows-write-before-dependency"));

        assertThat(result.effectSeenBeforeCause()).isTrue();
        assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.report().examples()).anySatisfy(violation -> {
            assertThat(violation.kind()).isEqualTo(CausalViolation.Kind.OVERWRITTEN_IN_CAUSAL_PAST);
            assertThat(violation.key()).isEqualTo("x");
            assertThat(violation.valueRead()).isEqualTo(1L);
            assertThat(violation.causeValue()).isEqualTo(2L);
        });
    }
}
