package sdlab.chapters.shard.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * Each hot-key remedy's claim can fail: planted into the remedy, a bug makes the claim that stands for it fail on the
 * same seed where the correct remedy passes. Only the variants a claim compares are run.
 */
class HotKeyPlantedBugTest {
    private static final long SEED = 1;

    @Test
    void saltingThatAlwaysWritesSubKeyZeroLeavesTheHotWriteKeysShardHot() {
        // Shows: every write lands on one sub-key, hence one shard, and the busiest shard is no cooler than unsalted.
        String claim = HotspotClaims.SALTING_SPREADS_WRITES;
        assertThat(violation(HotspotBug.NONE, claim)).isEmpty();
        Optional<String> planted = violation(HotspotBug.SALT_ALWAYS_FIRST, claim);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    @Test
    void aCacheThatDoesNotCoalesceSendsTheShardMoreThanOneFetchPerTtl() {
        // Shows: misses that arrive while a fetch is in flight each send their own, over the one-per-TTL bound.
        String claim = HotspotClaims.CACHE_COALESCES;
        assertThat(violation(HotspotBug.NONE, claim)).isEmpty();
        Optional<String> planted = violation(HotspotBug.NO_COALESCING, claim);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    @Test
    void twoChoicesThatPreferTheLongerQueueLoadTheBusiestCopyMoreThanRandom() {
        // Shows: comparing the wrong way sends reads to the slow copy's long queue, hotter than random choice.
        String claim = HotspotClaims.TWO_CHOICES_BEAT_RANDOM;
        assertThat(violation(HotspotBug.NONE, claim)).isEmpty();
        Optional<String> planted = violation(HotspotBug.PREFER_LONGER_QUEUE, claim);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    /** Runs the hot-key variants of chapter 16 with {@code bug} on one seed and checks {@code claimName} on them. */
    private static Optional<String> violation(HotspotBug bug, String claimName) {
        HotspotsExperiment experiment = new HotspotsExperiment(bug);
        ParamValues values = ParamValues.defaults(experiment.params()).with(HotspotParams.LENGTH, "500ms");
        Claim claim = HotspotClaims.all().stream()
                .filter(c -> c.name().equals(claimName))
                .findFirst()
                .orElseThrow();
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        for (HotspotVariant variant : HOT_KEY_VARIANTS) {
            runs.put(variant.name(), experiment.run(variant.toVariant(), values, SEED, RunOptions.lean()));
        }
        return claim.check(SEED, runs);
    }

    private static final List<HotspotVariant> HOT_KEY_VARIANTS = List.of(
            new HotspotVariant(Hotspot.HOT_WRITE, Remedy.VIRTUAL_NODES),
            new HotspotVariant(Hotspot.HOT_WRITE, Remedy.SALTED),
            new HotspotVariant(Hotspot.HOT_READ, Remedy.VIRTUAL_NODES),
            new HotspotVariant(Hotspot.HOT_READ, Remedy.READ_CACHE),
            new HotspotVariant(Hotspot.HOT_READ, Remedy.COPIES_RANDOM),
            new HotspotVariant(Hotspot.HOT_READ, Remedy.COPIES_TWO_CHOICES));
}
