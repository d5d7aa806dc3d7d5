package sdlab.chapters.shard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.core.StableHash;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.store.RouterSettings;

/** Each safety and balance claim can fail: a planted bug makes it fail with a seed to replay. */
class PartitioningPlantedBugTest {
    private static final int SEEDS = 1;

    private static ExperimentReport sweep(Planted planted) {
        PartitioningExperiment experiment = new PartitioningExperiment(planted);
        ParamValues values = ParamValues.defaults(experiment.params()).with(PartitioningParams.LENGTH, "500ms");
        return Sweep.quietly(experiment, values, SEEDS);
    }

    @Test
    void aRouterThatKeepsItsStaleTableMakesShardsServeKeysTheyNoLongerOwn() {
        // Shows: routers that take a refusing shard's epoch but keep their old table send the next request with a
        // current epoch to the old owner, which serves it; the owner claim catches it with a seed to replay.
        ExperimentReport report = sweep(new Planted(KeyHash.stable(), RouterSettings.Bug.KEEP_STALE_TABLE));
        ClaimResult claim = report.claimsByName().get(PartitioningClaims.OWNER_SERVES);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).isPresent();
        assertThat(claim.evidence()).contains("which gives it to another shard");
        assertThat(report.assertionsHold()).isFalse();
        System.out.println("planted bug caught: " + claim.evidence());
    }

    @Test
    void aHashThatIgnoresTheEndOfTheKeyBreaksTheBalanceClaim() {
        // Shows: a hash of all but the last four characters maps u00000000..u00019999 to two positions; the hash
        // schemes then put every user on one or two shards, and the balance claim fails.
        KeyHash headOnly =
                KeyHash.named("head-only", key -> StableHash.of(key.substring(0, Math.max(0, key.length() - 4))));
        ExperimentReport report = sweep(new Planted(headOnly, RouterSettings.Bug.NONE));
        ClaimResult claim = report.claimsByName().get(PartitioningClaims.HASH_EVEN);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.evidence()).contains("fullest");
        // Ranges do not hash, so their claim is untouched by the bug.
        assertThat(report.claimsByName().get(PartitioningClaims.RANGE_EVEN).holds())
                .isTrue();
        System.out.println("planted bug caught: " + claim.evidence());
    }
}
