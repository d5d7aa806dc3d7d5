package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.repl.AddedCandidateRun.PRIMARY_DOWN_NANOS;
import static sdlab.repl.AddedCandidateRun.PRIMARY_RESTART_AT_NANOS;
import static sdlab.repl.AddedCandidateRun.R3;
import static sdlab.repl.ReplWorld.P;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.repl.AddedCandidateRun.Outcome;
import sdlab.repl.AddedCandidateRun.Scenario;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplObserver.CommitAck;

/**
 * A primary that restarts without ever having been promoted (its role comes from the configuration) still knows the
 * replica added to it from a snapshot: it takes its reports, ships to it and counts its acknowledgements. The run cuts
 * r1 and r2 off from p, so after p's restart only r3 can acknowledge a semi-sync commit, and a primary that forgot it
 * acknowledges nothing. The planted bug {@link Bug#PRIMARY_FORGETS_ADDED_REPLICAS} (the store before the role file
 * named added replicas) shows that the check catches it.
 */
class RestartedPrimaryTest {
    private static final long RESTARTED_AT_NANOS = PRIMARY_RESTART_AT_NANOS + PRIMARY_DOWN_NANOS;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aRestartedPrimaryShipsToItsAddedReplicaAndCountsItsAcknowledgements(long seed) {
        Outcome run = AddedCandidateRun.run(seed, Scenario.PRIMARY_RESTARTS, Bug.NONE);
        List<Recorder.Commit> after = commitsAfterRestart(run);
        System.out.printf(
                "repl restarted primary (seed %d): %d writes acknowledged after p's restart, on r3's acknowledgement;"
                        + " r3 received up to %d, p's head %d%n",
                seed, after.size(), run.node(R3).lastPosition(), run.node(P).lastPosition());

        assertKeptTheAddedReplica(run);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void plantedBugARestartedPrimaryThatForgetsItsAddedReplicaAcknowledgesNothing(long seed) {
        Outcome run = AddedCandidateRun.run(seed, Scenario.PRIMARY_RESTARTS, Bug.PRIMARY_FORGETS_ADDED_REPLICAS);

        assertThatThrownBy(() -> assertKeptTheAddedReplica(run))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("acknowledged after its restart");
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        long first = AddedCandidateRun.run(7, Scenario.PRIMARY_RESTARTS, Bug.NONE)
                .result()
                .traceHash();
        long again = AddedCandidateRun.run(7, Scenario.PRIMARY_RESTARTS, Bug.NONE)
                .result()
                .traceHash();
        long other = AddedCandidateRun.run(8, Scenario.PRIMARY_RESTARTS, Bug.NONE)
                .result()
                .traceHash();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** The check: p, restarted, acknowledged writes on r3's word, r3 holds them, and nobody was failed over. */
    static void assertKeptTheAddedReplica(Outcome run) {
        List<Recorder.Commit> after = commitsAfterRestart(run);
        assertThat(after)
                .as("writes p acknowledged after its restart, when only r3 (added from a snapshot) can acknowledge")
                .isNotEmpty()
                .allMatch(commit -> commit.ack() == CommitAck.REPLICAS);
        long lastAcknowledged = after.stream()
                .mapToLong(commit -> commit.entry().position())
                .max()
                .orElseThrow();
        assertThat(run.node(R3).lastPosition())
                .as("r3 received every write acknowledged after p's restart")
                .isGreaterThanOrEqualTo(lastAcknowledged);
        assertThat(run.node(P).replicaPositions()).as("p's replicas").anyMatch(position -> position.replica()
                .equals(R3));
        assertThat(run.recorder().promotions)
                .as("p came back before a failover")
                .isEmpty();
        assertThat(run.node(P).isPrimary()).isTrue();
    }

    private static List<Recorder.Commit> commitsAfterRestart(Outcome run) {
        return run.recorder().commitsByValue.values().stream()
                .filter(commit -> commit.primary().equals(P) && commit.atNanos() > RESTARTED_AT_NANOS)
                .toList();
    }
}
