package sdlab.chapters.txlog.lag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The lag claim can fail: a monitor that counts lag from the log's start instead of the committed offset reports a
 * number that only grows with the topic, which does not move with the latency spikes, and the sweep catches it.
 */
class ConsumerLagPlantedBugTest {

    @Test
    void lagCountedFromTheLogStartBreaksTheLagTracksLatencyClaim() {
        ExperimentReport report = Sweep.quietly(new ConsumerLagExperiment(LagMonitor.LagFrom.LOG_START), 3);
        ClaimResult claim = report.claimsByName().get(LagClaims.LAG_TRACKS_STALLS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run consumer-lag --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
