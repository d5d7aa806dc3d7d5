package sdlab.chapters.txlog;

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
 * Chapter 6's claims over a CI-sized sweep, the sweep that {@code ./sdlab run isolation --seeds 24} runs:
 * read_committed reads nothing aborted or open and counts nothing twice after a replay, read_uncommitted does all
 * three, and read_committed's visibility waits for the commit.
 */
class IsolationClaimsTest {
    private static final int SEEDS = 24;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "readCommittedReadsNoAbortedRecord",
            "readCommittedReadsNoRecordOfAnOpenTransaction",
            "readCommittedCountsNoPaymentTwiceAfterAReplay",
            "readUncommittedReadsAbortedRecords",
            "readUncommittedReadsRecordsOfOpenTransactions",
            "readUncommittedCountsRetriedPaymentsTwice",
            "readCommittedSeesARecordOnlyAfterItsCommit",
            "anOpenTransactionHoldsReadCommittedBehindTheHighWatermark",
            "readUncommittedKeepsOutAbortedAndOpenRecords",
            "readCommittedKeepsOutAbortedAndOpenRecords",
            "neitherLevelKeepsThemOut",
            "abortedRecordsAreDeletedFromTheLog");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new IsolationExperiment(), SEEDS);
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
        // Shows: read_committed's promise and read_uncommitted's lack of one, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsReadCommitted() {
        // Shows: the question's verdict, from the measurement: only B is supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("B."));
        }
    }
}
