package sdlab.chapters.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 19's claims over a CI-sized sweep, the sweep that {@code ./sdlab run semisync --seeds 24} runs: no commit a
 * replica flushed is lost, AFTER_SYNC hides what it has not acknowledged, async, remote_write, AFTER_COMMIT and the
 * timeout each lose or show something, and semi-sync's cost is one round trip plus one replica sync.
 */
class SemiSyncClaimsTest {
    private static final int SEEDS = 24;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "noCommitAReplicaAcknowledgedAsFlushedIsLost",
            "waitingBeforeVisibilityShowsNoReaderAWriteThatIsThenLost",
            "afterCommitShowsReadersWritesThatAreThenLost",
            "asyncLosesAcknowledgedCommits",
            "remoteWriteLosesAcknowledgedCommitsWhenReplicasLosePower",
            "theTimeoutMakesSemiSyncAsynchronousAndLosesWhatItAcknowledged",
            "semiSyncResumesOnceAReplicaCatchesUp",
            "noSyncLevelCommitsFasterThanAWeakerOne",
            "semiSyncCommitsAsFastAsAsync",
            "semiSyncAddsOneRoundTripAndOneReplicaFsync",
            "semiSyncWaitsAsLongAsReplicasApplying",
            "semiSyncSlowsReadsNotWrites");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new SemiSyncExperiment(), SEEDS);
        claims = report.claimsByName();
        System.out.println(TerminalReport.render(report, false));
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHolds() {
        // Shows: the modes' promises and limits, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsARoundTripAndAReplicaFsync() {
        // Shows: the question's verdict, from the measurement: only B is supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("B."));
        }
    }
}
