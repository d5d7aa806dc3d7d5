package sdlab.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sparse shuffle that keeps SPOP O(1) draws exactly what the full shuffle draws. */
class RandomPicksTest {
    @Test
    void fewPicksFromManyAreTheFullShufflesPicks() {
        for (long seed = 1; seed <= 200; seed++) {
            int size = 1 + (int) (seed * 37 % 5_000);
            int count = (int) (seed % 7);
            if (count > size) {
                continue;
            }
            int[] sparse = RandomPicks.distinct(size, count, new SplittableRandom(seed));
            int[] full = fullShuffle(size, count, new SplittableRandom(seed));
            assertThat(sparse).as("seed %d, %d of %d", seed, count, size).containsExactly(full);
            Set<Integer> distinct = new HashSet<>();
            for (int pick : sparse) {
                assertThat(pick).isBetween(0, size - 1);
                assertThat(distinct.add(pick)).isTrue();
            }
        }
    }

    /** The plain partial Fisher-Yates, written out here as the reference. */
    private static int[] fullShuffle(int size, int count, SplittableRandom random) {
        int[] positions = new int[size];
        for (int i = 0; i < size; i++) {
            positions[i] = i;
        }
        int[] picked = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            picked[i] = positions[j];
            positions[j] = positions[i];
            positions[i] = picked[i];
        }
        return picked;
    }
}
