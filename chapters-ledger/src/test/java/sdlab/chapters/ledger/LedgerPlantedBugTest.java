package sdlab.chapters.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.ledger.LedgerConfig;

/**
 * The compare-and-set claim can fail: a store that takes a compare-and-set as a plain write (the condition silently
 * dropped) turns cas-retry back into read-then-write, and {@code compareAndSetOnALinearizableStoreNeverSpendsMoneyTwice}
 * must catch it with a seed to replay; so must the Elle-style checker's claim.
 */
class LedgerPlantedBugTest {

    @Test
    void aStoreThatDropsTheConditionOfACompareAndSetBreaksTheNoDoubleSpendClaim() {
        ExperimentReport report = Sweep.quietly(new LedgerExperiment(LedgerConfig.StoreBug.CONDITION_IGNORED), 4);
        ClaimResult claim = report.claimsByName().get(LedgerClaims.CAS_NEVER_DOUBLE_SPENDS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run ledger --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("double spends");
        assertThat(report.assertionsHold()).isFalse();
        // The Elle-style checker, which knows nothing of tags or totals, catches it too.
        ClaimResult elle = report.claimsByName().get(LedgerClaims.ELLE_AGREES);
        assertThat(elle.holds()).as(elle.evidence()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
