package sdlab.chapters.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.repl.ReplConfig;

/**
 * The lossless claim can fail: replicas that report an entry flushed as soon as they have written it, before their
 * relay log is synced, pass every quiet test, but when they lose power with the primary the promoted replica lacks
 * commits the primary acknowledged, and {@code noCommitAReplicaAcknowledgedAsFlushedIsLost} must catch it with a
 * seed to replay. The commit latency gives it away too: semi-sync then adds a round trip and hardly any sync.
 */
class SemiSyncPlantedBugTest {

    @Test
    void replicasThatAcknowledgeBeforeSyncingTheirRelayLogBreakTheLosslessClaim() {
        ExperimentReport report = Sweep.quietly(
                new SemiSyncExperiment(config -> config.withBug(ReplConfig.Bug.ACK_BEFORE_RELAY_SYNC)), 8);
        ClaimResult claim = report.claimsByName().get(SemiSyncClaims.NO_FLUSHED_COMMIT_LOST);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run semisync --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("lost: ");
        assertThat(report.assertionsHold()).isFalse();
        // The bug is also visible in the latency: the acknowledgement no longer carries the replica's sync.
        ClaimResult cost = report.claimsByName().get(SemiSyncClaims.ROUND_TRIP_AND_FSYNC);
        assertThat(cost.holds()).as(cost.evidence()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }
}
