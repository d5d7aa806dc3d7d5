package sdlab.chapters.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.ledger.LedgerConfig;

/**
 * The server-side transfer's claim can fail: a Raft state machine that applies a transaction's
 * writes without checking its conditions ({@code RaftConfig.Bug.TXN_CONDITIONS_IGNORED}) debits a
 * payer that does not hold the amount, and {@code
 * aServerSideTransferNeverDoubleSpendsNorChangesTheTotalNorGoesNegative} must catch the negative
 * balance with a seed to replay.
 */
class LedgerAtomicPlantedBugTest {

    @Test
    void aStateMachineThatDropsTheTransactionsConditionBreaksTheServerSideTransferClaim() {
        ExperimentReport report = Sweep.quietly(new LedgerExperiment(LedgerConfig.StoreBug.TXN_CONDITIONS_IGNORED), 4);
        ClaimResult claim = report.claimsByName().get(LedgerClaims.ATOMIC_EXACT);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run ledger --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("negative balances");
        assertThat(report.assertionsHold()).isFalse();
        // The compare-and-set claim does not depend on transactions: the bug leaves it standing.
        assertThat(report.claimsByName()
                        .get(LedgerClaims.CAS_NEVER_DOUBLE_SPENDS)
                        .holds())
                .isTrue();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
