package sdlab.chapters.traffic.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.chapters.traffic.placement.PlacementClaims.forVariant;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.chapters.traffic.LimiterFactory;
import sdlab.chapters.traffic.NeverDeny;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.traffic.ratelimit.RateLimitAlgorithm;

/**
 * The quota claims can fail, and they fail when the limiter is broken: every limiter the
 * chapter runs is made by its {@link LimiterFactory}, and the quota each claim compares with is
 * the policy's arithmetic ({@link Quota}), which uses no limiter. Planting a broken limiter
 * through the factory is therefore the same as breaking the class itself, reference included.
 */
class PlacementPlantedBugTest {
    private static final String EXPERIMENT = "ratelimit-placement";

    /** The bug the issue describes: {@code TokenBucket.tryAcquire} admits every request; the other algorithms work. */
    private static final LimiterFactory TOKEN_BUCKET_ALWAYS_ADMITS =
            (algorithm, policy) -> algorithm == RateLimitAlgorithm.TOKEN_BUCKET
                    ? new NeverDeny(policy)
                    : LimiterFactory.REAL.create(algorithm, policy);

    @Test
    void aTokenBucketThatAlwaysAdmitsFailsTheQuotaClaimsWithAReplayableSeed() {
        // Shows: the sweep whose quota claims hold with sdlab's token bucket fails them, naming seed 1 and the command
        // that replays it, when the token bucket admits everything: the assertion, and the gateway's two hypotheses.
        PlacementExperiment broken = new PlacementExperiment(TOKEN_BUCKET_ALWAYS_ADMITS);
        ExperimentReport report = Sweep.quietly(broken, 3);

        for (String name : List.of(
                PlacementClaims.EXACT_TIERS_HOLD_QUOTA,
                forVariant(PlacementClaims.HOLDS_QUOTA, PlacementVariant.GATEWAY_LOCAL),
                forVariant(PlacementClaims.SHIELDS_ORIGIN, PlacementVariant.GATEWAY_LOCAL))) {
            ClaimResult claim = report.claimsByName().get(name);
            assertThat(claim).as(name).isNotNull();
            assertThat(claim.holds()).as(name + ": " + claim.evidence()).isFalse();
            assertThat(claim.counterexampleSeed()).as(name).hasValue(1);
            assertThat(claim.replayCommand()).as(name).hasValueSatisfying(command -> assertThat(command)
                    .startsWith("./sdlab run " + EXPERIMENT + " --seed 1 "));
        }
        assertThat(report.assertionsHold()).isFalse();
        assertThat(report.supportedOptions()).isEmpty();
    }

    @Test
    void theCounterexampleSeedReplaysTheOverAdmission() {
        // Shows: seed 1 alone, gateway variant alone, reproduces the leak: served beyond quota, origin over-fed.
        PlacementExperiment broken = new PlacementExperiment(TOKEN_BUCKET_ALWAYS_ADMITS);
        SeedRun run = Sweep.replay(
                        broken, ParamValues.defaults(broken.params()), 1, Optional.of(PlacementVariant.GATEWAY_LOCAL))
                .runsByVariant()
                .get(PlacementVariant.GATEWAY_LOCAL);

        assertThat(run.counter(PlacementMeasurements.OVER_ADMITTED)).isPositive();
        assertThat(run.counter(PlacementTally.REACHED_ORIGIN))
                .isGreaterThan(run.counter(PlacementMeasurements.ENTITLED));
    }

    @ParameterizedTest
    @EnumSource(RateLimitAlgorithm.class)
    void everyAlgorithmsQuotaCatchesALimiterThatNeverDenies(RateLimitAlgorithm algorithm) {
        // Shows: whichever algorithm the chapter runs, its quota (that algorithm's promise) exposes a limiter that
        // allows everything, with a seed to replay.
        PlacementExperiment broken = new PlacementExperiment((any, policy) -> new NeverDeny(policy));
        ParamValues values = ParamValues.defaults(broken.params())
                .with(PlacementParams.ALGORITHM, algorithm.configName())
                .with(PlacementParams.DURATION, "200ms");
        ExperimentReport report = Sweep.quietly(broken, values, 1);
        ClaimResult claim = report.claimsByName().get(PlacementClaims.EXACT_TIERS_HOLD_QUOTA);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("beyond quota");
        assertThat(claim.replayCommand()).hasValueSatisfying(command -> assertThat(command)
                .startsWith("./sdlab run " + EXPERIMENT + " --seed 1 ")
                .contains(
                        values.isDefault(PlacementParams.ALGORITHM)
                                ? ""
                                : "--algorithm " + values.text(PlacementParams.ALGORITHM)));
    }
}
