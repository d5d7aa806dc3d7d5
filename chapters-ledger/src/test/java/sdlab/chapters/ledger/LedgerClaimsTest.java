package sdlab.chapters.ledger;

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
 * Chapter 1's claims over a CI-sized sweep, the sweep that {@code ./sdlab run ledger --seeds 12} runs: compare-and-set
 * on the linearizable store never double-spends and its reads are fresh, yet read-then-write on the same store
 * double-spends, and read-then-write on the eventual store loses or creates money.
 */
class LedgerClaimsTest {
    private static final int SEEDS = 12;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "compareAndSetOnALinearizableStoreNeverSpendsMoneyTwice",
            "linearizableReadsAreNeverStale",
            "readThenWriteDoubleSpendsEvenOnALinearizableStore",
            "readThenWriteOnTheEventualStoreCreatesOrDestroysMoney",
            "theJepsenBankCheckerFindsNothingOnCompareAndSetAndSomethingOnReadThenWrite",
            "theElleCheckerFindsNoAnomalyInCompareAndSetTransfersOnALinearizableStore",
            "everyRunEndsWithAnAuditAfterItsLastTransfer",
            "aServerSideTransferNeverDoubleSpendsNorChangesTheTotalNorGoesNegative",
            "aTransactionBuiltOnTheClientNeverDoubleSpendsNorChangesTheTotal",
            "eventualKeepsBalancesExact",
            "strongKeepsBalancesExactWithReadThenWrite",
            "strongWithCompareAndSetKeepsBalancesExact",
            "strongWithAServerSideTransferKeepsBalancesExact",
            "sessionKeepsBalancesExact",
            "sessionWithVersionTokensKeepsBalancesExact",
            "causalKeepsBalancesExact",
            "escrowKeepsBalancesExactAtEveryLevel");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new LedgerExperiment(), SEEDS);
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
        // Shows: compare-and-set keeps the ledger exact, read-then-write does not, even on a linearizable store.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsStrongConsistencyWithConditionalWrites() {
        // Shows: the question's verdict, from the measurement: only C (linearizable with compare-and-set) is supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("C."));
        }
    }
}
