package sdlab.shard.hot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A salted key's writes spread over its sub-keys and its reads gather them all; other keys are untouched. */
class KeySaltingTest {
    @Test
    void writesOfASaltedKeyUseEverySubKeyAndReadsGatherThemAll() {
        // Shows: 200 writes touch all 4 sub-keys; a read names the 4; an unsalted key stays itself.
        KeySalting salting = new KeySalting(Set.of("hot"), 4, false);
        SplittableRandom random = new SplittableRandom(1);
        Set<String> written = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            written.add(salting.writeKey("hot", random));
        }

        assertThat(written).containsExactly("hot#0", "hot#1", "hot#2", "hot#3");
        assertThat(salting.readKeys("hot")).containsExactly("hot#0", "hot#1", "hot#2", "hot#3");
        assertThat(salting.writeKey("cold", random)).isEqualTo("cold");
        assertThat(salting.readKeys("cold")).containsExactly("cold");
    }

    @Test
    void thePlantedBugWritesOnlySubKeyZero() {
        // Shows: the bug spreads nothing.
        KeySalting salting = new KeySalting(Set.of("hot"), 4, true);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            assertThat(salting.writeKey("hot", random)).isEqualTo("hot#0");
        }
    }
}
