package sdlab.cache.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The skiplist's links, spans and memory accounting stay exact through random changes. */
class SortedSetValueTest {

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 20).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ranksLinksAndLexRangesStayConsistentThroughRandomChanges(long seed) {
        // After every change: walking forward and backward agree, byRank and rankOf invert each other.
        SplittableRandom random = new SplittableRandom(seed);
        SortedSetValue zset = new SortedSetValue(new SplittableRandom(seed + 1));
        for (int step = 0; step < 400; step++) {
            Key member = Key.of("m" + random.nextInt(60));
            if (random.nextInt(3) == 0) {
                zset.remove(member);
            } else {
                zset.put(member, random.nextInt(20) / 4.0);
            }
            assertConsistent(zset);
        }
    }

    @Test
    void memoryReturnsToTheEmptySetsSizeOnceEveryMemberIsGone() {
        // Adds, score moves that relink nodes, and removals account symmetrically.
        SortedSetValue zset = new SortedSetValue(new SplittableRandom(7));
        long empty = zset.sizeBytes();
        for (int i = 0; i < 500; i++) {
            zset.put(Key.of("member" + i), i);
        }
        assertThat(zset.sizeBytes()).isGreaterThan(empty + 500 * 100);
        for (int i = 0; i < 500; i++) {
            zset.put(Key.of("member" + i), -i);
        }
        for (int i = 0; i < 500; i++) {
            assertThat(zset.remove(Key.of("member" + i))).isTrue();
        }
        assertThat(zset.sizeBytes()).isEqualTo(empty);
        assertThat(zset.first()).isNull();
    }

    @Test
    void lexRangesFollowByteOrderWithInclusiveExclusiveAndInfiniteEnds() {
        // [b (d selects b..c; - and + are the open ends; a range whose min is above its max is empty.
        SortedSetValue zset = new SortedSetValue(new SplittableRandom(1));
        for (String m : List.of("a", "b", "c", "d", "e")) {
            zset.put(Key.of(m), 0);
        }
        LexRange range =
                new LexRange(LexRange.Bound.of(new byte[] {'b'}, false), LexRange.Bound.of(new byte[] {'d'}, true));
        assertThat(zset.firstIn(range).member()).isEqualTo(Key.of("b"));
        assertThat(zset.lastIn(range).member()).isEqualTo(Key.of("c"));
        LexRange all = new LexRange(LexRange.Bound.MINUS, LexRange.Bound.PLUS);
        assertThat(zset.lastIn(all).member()).isEqualTo(Key.of("e"));
        assertThat(zset.firstIn(new LexRange(LexRange.Bound.PLUS, LexRange.Bound.MINUS)))
                .isNull();
    }

    private static void assertConsistent(SortedSetValue zset) {
        assertThat(zset.consistent()).isTrue();
        List<SortedSetNode> forward = new ArrayList<>();
        SortedSetNode previous = null;
        for (SortedSetNode n = zset.first(); n != null; n = n.next()) {
            assertThat(n.previous()).isSameAs(previous);
            if (previous != null) {
                assertThat(previous.before(n.score(), n.member())).isTrue();
            }
            forward.add(n);
            previous = n;
        }
        assertThat(zset.last()).isSameAs(previous);
        assertThat(forward).hasSize(zset.size());
        for (int i = 0; i < forward.size(); i++) {
            assertThat(zset.byRank(i)).isSameAs(forward.get(i));
            assertThat(zset.rankOf(forward.get(i))).isEqualTo(i);
            assertThat(zset.score(forward.get(i).member()))
                    .isEqualTo(forward.get(i).score());
        }
        assertThat(zset.byRank(forward.size())).isNull();
    }
}
