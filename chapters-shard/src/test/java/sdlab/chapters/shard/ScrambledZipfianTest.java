package sdlab.chapters.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The zipfian generator's shape: the most popular id is drawn about as often as theory says, and it is scrambled. */
class ScrambledZipfianTest {
    @Test
    void theTopRankTakesItsZipfShareAndIsNotTheFirstId() {
        // Shows: with n = 1000 and skew 1, rank 0 has weight 1/H(1000) = 13.4%; 100 000 draws land within a percent
        // point of it, on an id other than 0.
        ScrambledZipfian zipf = new ScrambledZipfian(1000, 1.0);
        SplittableRandom random = new SplittableRandom(3);
        long top = zipf.idOfRank(0);
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            if (zipf.next(random) == top) {
                hits++;
            }
        }
        assertThat(top).isNotZero();
        assertThat(hits / 100_000.0).isBetween(0.124, 0.144);
    }

    @Test
    void theScrambleIsAPermutation() {
        // Shows: every rank maps to a distinct id, so no user is hot by accident of a collision.
        ScrambledZipfian zipf = new ScrambledZipfian(20_000, 0.99);
        boolean[] seen = new boolean[20_000];
        for (int rank = 0; rank < 20_000; rank++) {
            int id = (int) zipf.idOfRank(rank);
            assertThat(seen[id]).isFalse();
            seen[id] = true;
        }
    }
}
