package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.sweep.Sweep;

/**
 * The claims can fail: a store with a planted bug (a coordinator that acknowledges writes
 * before W replicas have them, or answers reads after one reply) must be caught by
 * {@code noStaleReadsWhenQuorumsOverlap}, with a counterexample seed and its replay command.
 */
class PlantedBugTest {

    @ParameterizedTest
    @EnumSource(
            value = QuorumConfig.Bug.class,
            names = {"ACK_WRITE_BEFORE_QUORUM", "READ_FROM_ONE"})
    void aPlantedBugBreaksTheNoStaleReadsClaim(QuorumConfig.Bug bug) {
        // Shows: the same sweep that passes for the correct store fails for a broken one.
        QuorumExperiment broken = new QuorumExperiment(config -> config.withBug(bug));
        ClaimResult claim = (Sweep.quietly(broken, 100)).claimsByName().get(QuorumClaims.NO_STALE_READS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        // The replay names the variant whose stale read is the evidence ("violated ... : n3r2w2: 1 staleReads; ...").
        String variant = claim.evidence().replaceFirst("^.*? seed \\d+: ([^:]+): .*$", "$1");
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run quorum --seed "
                        + claim.counterexampleSeed().getAsLong() + " --variant " + variant + " --trace"));
        assertThat(claim.evidence()).contains("stale read");
    }
}
