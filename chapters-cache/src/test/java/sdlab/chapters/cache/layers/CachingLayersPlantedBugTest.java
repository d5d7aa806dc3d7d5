package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail: an edge that honours {@code private} but leaves the {@code Vary}'d headers
 * out of its cache key serves one taste segment's artwork to another, and the personalisation claim
 * must catch it, with a counterexample seed and the command that replays it.
 */
class CachingLayersPlantedBugTest {

    @Test
    void anEdgeThatForgetsVaryInItsKeyBreaksThePersonalisationClaim() {
        // Shows: the sweep that passes for a standard edge fails once the key drops the taste segment.
        ExperimentReport report = Sweep.quietly(new CachingLayersExperiment(Layers::withEdgeForgettingVary), 20);
        ClaimResult claim = report.claimsByName().get(LayersClaims.ONLY_URL_KEY_MISTAKES);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run caching-layers --seed "
                        + claim.counterexampleSeed().getAsLong()));
        assertThat(claim.evidence()).contains("edge:").contains("taste");
        assertThat(report.assertionsHold()).isFalse();
    }
}
