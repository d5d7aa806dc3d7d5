package sdlab.chapters.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.txlog.TxLogConfig;

/**
 * The isolation claims can fail: a broker whose read_committed ignores the aborted-transactions index hands the job
 * aborted records, and one that reads past the last stable offset hands it records of open transactions; the sweep
 * catches each with a seed to replay.
 */
class IsolationPlantedBugTest {

    @Test
    void readCommittedThatIgnoresTheAbortedIndexBreaksTheNoAbortedReadsClaim() {
        ExperimentReport report = Sweep.quietly(
                new IsolationExperiment(config -> config.withBug(TxLogConfig.Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX)),
                8);
        ClaimResult claim = report.claimsByName().get(IsolationClaims.COMMITTED_READS_NO_ABORTED);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run isolation --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence() + "\n  replay: "
                + claim.replayCommand().orElseThrow());
    }

    @Test
    void readCommittedPastTheLastStableOffsetBreaksTheNoOpenReadsClaim() {
        ExperimentReport report = Sweep.quietly(
                new IsolationExperiment(config -> config.withBug(TxLogConfig.Bug.READ_COMMITTED_PAST_LSO)), 8);
        ClaimResult claim = report.claimsByName().get(IsolationClaims.COMMITTED_READS_NO_OPEN);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
    }
}
