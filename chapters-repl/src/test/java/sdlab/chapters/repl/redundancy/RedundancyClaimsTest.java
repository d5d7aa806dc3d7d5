package sdlab.chapters.repl.redundancy;

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
 * Chapter 3's claims over a CI-sized sweep, the sweep that {@code ./sdlab run redundancy --seeds 24} runs: only
 * active-active keeps writes available through the rolling maintenance; read replicas wait for the primary, a hot
 * standby for its promotion, a cold one for its restore, which loses the last archive timeout's writes; only
 * active-active acknowledges conflicting writes; and the doubling of write traffic is not active-active's alone.
 */
class RedundancyClaimsTest {
    private static final int SEEDS = 24;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "activeActiveKeepsWritesAvailableThroughTheMaintenance",
            "everySinglePrimaryPatternStopsWritesDuringTheMaintenance",
            "readReplicasStopWritesForAsLongAsThePrimaryIsDown",
            "readReplicasKeepReadsAvailable",
            "theHotStandbyTakesOverWithinTheDetectionTime",
            "aColdStandbyTakesWritesOnlyOnceItsRestoreIsOver",
            "noPatternButTheColdStandbyLosesAnAcknowledgedWrite",
            "aColdStandbyLosesWritesItHadNotArchived",
            "aColdStandbyLosesOnlyWhatTheLastArchiveTimeoutHeld",
            "activeActiveAcknowledgesConflictingWrites",
            "noSinglePrimaryPatternAcknowledgesConflictingWrites",
            "activeActivePrimaryStandbyAndColdStandbyEachCopyEveryWriteOnce",
            "readReplicasCopyEveryWriteOncePerReplica",
            "activeActiveSendsAboutTheReplicationBytesOfPrimaryStandby",
            "aColdStandbyCopiesInAFewMessagesPerTimeout",
            "zeroDowntimeMaintenanceAtTwiceTheWriteTraffic[read-replicas]",
            "zeroDowntimeMaintenanceAtTwiceTheWriteTraffic[primary-standby]",
            "zeroDowntimeMaintenanceAtTwiceTheWriteTraffic[active-active]",
            "zeroDowntimeMaintenanceAtTwiceTheWriteTraffic[cold-standby]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new RedundancyExperiment(), SEEDS);
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
        // Shows: the patterns' availability, losses, conflicts and traffic, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsActiveActive() {
        // Shows: the question's verdict, from the measurement: only C has no write downtime, and it doubles the write
        // traffic; B and D double it too, which is why they fail on their downtime alone.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("C."));
        }
        for (String variant : List.of("primary-standby", "cold-standby")) {
            assertThat(claims.get(RedundancyClaims.hypothesis(variant)).evidence())
                    .as(variant)
                    .contains("ms without a write")
                    .containsPattern(" 1\\.[01]\\d copies per write");
        }
    }
}
