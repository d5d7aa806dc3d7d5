package sdlab.chapters.cache.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail: a pre-population whose paging stops one page short (an off-by-one that
 * leaves the last 100 records cold) must be caught by {@code prepopulationLeavesNoColdMiss}, with
 * a counterexample seed and the command that replays it.
 */
class WarmupPlantedBugTest {

    @Test
    void aPrepopulationThatSkipsTheLastPageBreaksTheNoColdMissClaim() {
        // Shows: the sweep that passes for the correct warm-up fails when the last page is never loaded.
        ExperimentReport report = Sweep.quietly(new WarmupExperiment(policy -> policy.skippingLastPages(1)), 30);
        ClaimResult claim = report.claimsByName().get(WarmupClaims.NO_COLD_MISS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run cache-warmup --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("cold misses");
        assertThat(report.assertionsHold()).isFalse();
    }
}
