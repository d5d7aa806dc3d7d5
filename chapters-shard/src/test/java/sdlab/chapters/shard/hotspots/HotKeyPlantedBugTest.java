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
        List<Remedy> compared = List.of(Remedy.VIRTUAL_NODES, Remedy.SALTED);
        assertThat(violation(HotspotBug.NONE, claim, Hotspot.HOT_WRITE, compared))
                .isEmpty();
        Optional<String> planted = violation(HotspotBug.SALT_ALWAYS_FIRST, claim, Hotspot.HOT_WRITE, compared);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    @Test
    void aCacheThatDoesNotCoalesceSendsTheShardMoreThanOneFetchPerTtl() {
        // Shows: misses that arrive while a fetch is in flight each send their own, over the one-per-TTL bound.
        String claim = HotspotClaims.CACHE_COALESCES;
        List<Remedy> compared = List.of(Remedy.READ_CACHE);
        assertThat(violation(HotspotBug.NONE, claim, Hotspot.HOT_READ, compared))
                .isEmpty();
        Optional<String> planted = violation(HotspotBug.NO_COALESCING, claim, Hotspot.HOT_READ, compared);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    @Test
    void aCacheThatDropsEntriesUnderAnotherKeyServesReplacedValuesForATtl() {
        // Shows: invalidations that name the key in another form than the cache stored it drop nothing, and every
        // entry is served until its TTL runs out, as stale as without invalidation.
        String claim = HotspotClaims.INVALIDATION_LEAVES_A_RACE;
        List<Remedy> compared = List.of(Remedy.READ_CACHE, Remedy.READ_CACHE_INVALIDATED);
        assertThat(violation(HotspotBug.NONE, claim, Hotspot.HOT_READ, compared))
                .isEmpty();
        Optional<String> planted = violation(HotspotBug.INVALIDATES_ANOTHER_KEY, claim, Hotspot.HOT_READ, compared);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    @Test
    void twoChoicesThatPreferTheLongerQueueLoadTheBusiestCopyMoreThanRandom() {
        // Shows: comparing the wrong way sends reads to the slow copy's long queue, hotter than random choice.
        String claim = HotspotClaims.TWO_CHOICES_BEAT_RANDOM;
        List<Remedy> compared = List.of(Remedy.COPIES_RANDOM, Remedy.COPIES_TWO_CHOICES);
        assertThat(violation(HotspotBug.NONE, claim, Hotspot.HOT_READ, compared))
                .isEmpty();
        Optional<String> planted = violation(HotspotBug.PREFER_LONGER_QUEUE, claim, Hotspot.HOT_READ, compared);
        assertThat(planted).isPresent();
        System.out.println("planted bug caught: " + planted.orElseThrow());
    }

    /** Runs {@code hotspot} under the {@code compared} remedies with {@code bug} on one seed and checks the claim. */
    private static Optional<String> violation(
            HotspotBug bug, String claimName, Hotspot hotspot, List<Remedy> compared) {
        HotspotsExperiment experiment = new HotspotsExperiment(bug);
        ParamValues values = ParamValues.defaults(experiment.params()).with(HotspotParams.LENGTH, "500ms");
        Claim claim = HotspotClaims.all().stream()
                .filter(c -> c.name().equals(claimName))
                .findFirst()
                .orElseThrow();
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        for (Remedy remedy : compared) {
            HotspotVariant variant = new HotspotVariant(hotspot, remedy);
            runs.put(variant.name(), experiment.run(variant.toVariant(), values, SEED, RunOptions.lean()));
        }
        return claim.check(SEED, runs);
    }
}
