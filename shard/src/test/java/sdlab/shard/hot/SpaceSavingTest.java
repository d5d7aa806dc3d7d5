package sdlab.shard.hot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The top-k summary finds the heavy hitters of a skewed stream and never undercounts. */
class SpaceSavingTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void findsTheCelebrityAndNeverUndercounts(long seed) {
        // Shows: a key taking 20% of a stream of 50 000 over 10 000 others comes out first, counted at least as often
        // as it was seen, with 16 counters.
        SplittableRandom random = new SplittableRandom(seed);
        SpaceSaving summary = new SpaceSaving(16);
        Map<String, Long> truth = new TreeMap<>();
        for (int i = 0; i < 50_000; i++) {
            String key = random.nextDouble() < 0.2 ? "celebrity" : "k" + random.nextInt(10_000);
            truth.merge(key, 1L, Long::sum);
            summary.offer(key);
        }
        assertThat(summary.top().getFirst().key()).isEqualTo("celebrity");
        assertThat(summary.total()).isEqualTo(50_000);
        for (SpaceSaving.Estimate estimate : summary.top()) {
            assertThat(estimate.count()).isGreaterThanOrEqualTo(truth.get(estimate.key()));
            assertThat(estimate.guaranteed()).isLessThanOrEqualTo(truth.get(estimate.key()));
        }
        assertThat(summary.top()).hasSizeLessThanOrEqualTo(16);
    }
}
