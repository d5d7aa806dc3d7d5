package sdlab.bench.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModeRowTest {
    private static CommitFigures run(double p50, double p99) {
        return new CommitFigures(100, 1, p50, p99, 0, List.of());
    }

    @Test
    void theRatioIsTheMedianOfEachRoundsRatioToTheBaselineOfThatRound() {
        // Round ratios of p50: 2/1, 6/2, 9/6 = 2, 3, 1.5 -> median 2; the medians' ratio (6/2 = 3) would differ.
        ModeRow row = new ModeRow(
                "sdlab",
                CommitMode.SEMI_SYNC_AFTER_SYNC,
                "--mode semi-sync",
                List.of(run(2, 4), run(6, 8), run(9, 30)),
                List.of(run(1, 2), run(2, 4), run(6, 10)));

        assertThat(row.p50Ratio()).hasValue(2.0);
        assertThat(row.p99Ratio()).hasValue(2.0); // 2, 2, 3
        assertThat(row.latencyMsP50()).isEqualTo(6.0);
        assertThat(row.commitsPerSecond()).isEqualTo(100.0);
    }

    @Test
    void aRoundWithErrorsOnEitherSideLeavesTheRowWithoutRatios() {
        CommitFigures failed = new CommitFigures(100, 1, 1, 2, 3, List.of("first error: timeout"));

        ModeRow baselineFailed =
                new ModeRow("MariaDB", CommitMode.SEMI_SYNC_AFTER_SYNC, "x", List.of(run(2, 4)), List.of(failed));
        ModeRow modeFailed =
                new ModeRow("MariaDB", CommitMode.SEMI_SYNC_AFTER_SYNC, "x", List.of(failed), List.of(run(2, 4)));

        assertThat(baselineFailed.isFigure()).isFalse();
        assertThat(baselineFailed.p50Ratio()).isEmpty();
        assertThat(modeFailed.p99Ratio()).isEmpty();
        assertThat(modeFailed.errors()).isEqualTo(3);
        assertThat(modeFailed.problems()).containsExactly("first error: timeout");
    }

    @Test
    void aRowNeedsTheBaselineInEveryRound() {
        assertThatThrownBy(() -> new ModeRow("sdlab", CommitMode.SYNC_ON, "x", List.of(run(1, 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
