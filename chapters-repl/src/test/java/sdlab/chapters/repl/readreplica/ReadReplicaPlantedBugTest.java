package sdlab.chapters.repl.readreplica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.repl.ReplConfig;

/**
 * The staleness bound can fail: a lag-aware balancer that polls its replicas' lag but routes to them whatever they
 * report is even balancing under another name, and {@code lagAwareRoutingKeepsStalenessWithinTheBound} must catch the
 * reads it serves from the catching-up replica, with a seed to replay.
 */
class ReadReplicaPlantedBugTest {

    @Test
    void aLagAwareBalancerThatIgnoresLagBreaksTheStalenessBound() {
        ReadReplicaExperiment experiment = new ReadReplicaExperiment(ReplConfig.Bug.LAG_AWARE_IGNORES_LAG);
        ExperimentReport report = Sweep.quietly(experiment, SmallRun.values(experiment), 2);
        ClaimResult claim = report.claimsByName().get(ReadReplicaClaims.LAG_AWARE_BOUNDED);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run read-replicas --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("stale read: ");
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }
}
