package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MillisTextTest {

    /** Findings are compared across runs and machines, so the hand-made text must be the formatter's, digit for digit. */
    @Test
    void writesWhatTheFormatterWritesForEveryTimeARunCanReach() {
        SplittableRandom random = new SplittableRandom(15);
        long[] edges = {
            0,
            1,
            499,
            500,
            501,
            999,
            1_000,
            1_499,
            1_500,
            999_499,
            999_500,
            12_345_500,
            999_999_999_999_500L,
            1_000_000_000_000_000L,
            1L << 53,
            -1,
            -500
        };
        for (long nanos : edges) {
            assertSameAsFormatter(nanos);
        }
        for (int i = 0; i < 200_000; i++) {
            // Around half-way points, in a run's range (seconds), and anywhere in the exact range.
            assertSameAsFormatter(random.nextLong(1_000_000) * 1_000 + 500 + random.nextLong(-2, 3));
            assertSameAsFormatter(random.nextLong(60_000_000_000L));
            assertSameAsFormatter(random.nextLong(1_000_000_000_000_000L));
            assertSameAsFormatter(random.nextLong(1_000_000_000_000L) * 1_000 + 500);
        }
    }

    private static void assertSameAsFormatter(long nanos) {
        assertThat(MillisText.of(nanos))
                .as("%d ns", nanos)
                .isEqualTo(String.format(Locale.ROOT, "%.3f ms", nanos / 1e6));
    }
}
