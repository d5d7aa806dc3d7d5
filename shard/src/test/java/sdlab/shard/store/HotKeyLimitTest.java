package sdlab.shard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import sdlab.core.history.OpType;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.ModuloPartitioner;
import sdlab.sim.OperationGenerator;

/** A shard limits the keys its top-k names as hot, and only those. */
class HotKeyLimitTest {
    @Test
    void aCelebrityKeyIsHeldToItsRateAndOtherKeysAreNotTouched() {
        // Shows: a third of 3000 reads a second go to one key; with hot keys limited to 200 a second, about 200 a
        // second of them are served, the rest refused as definite failures, and no read of another key is refused.
        TreeMap<String, Long> preload = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            preload.put("k%04d".formatted(i), (long) i);
        }
        OperationGenerator reads = (process, random) -> new OperationGenerator.Operation(
                ShardRouter.GET, random.nextInt(3) == 0 ? "k0007" : "k%04d".formatted(random.nextInt(1000)), null);
        StoreWorld.Seen seen = StoreWorld.runWith(
                5,
                new ModuloPartitioner(StoreWorld.shards(4), KeyHash.stable()),
                StoreWorld.shards(4),
                preload,
                PlacementSettings.fixed(),
                StoreWorld.SHARD.withHotKeyRate(200),
                reads,
                3000,
                Duration.ofSeconds(1));
        long celebrityServed = 0;
        long celebrityRefused = 0;
        for (var op : seen.result.history().ops()) {
            if (op.type() == OpType.OK && op.key().equals("k0007")) {
                celebrityServed++;
            } else if (op.type() == OpType.FAIL) {
                assertThat(op.key()).isEqualTo("k0007");
                assertThat(op.error()).contains("throttled");
                celebrityRefused++;
            }
        }
        assertThat(celebrityServed).isBetween(150L, 300L);
        assertThat(celebrityRefused).isGreaterThan(500);
    }
}
