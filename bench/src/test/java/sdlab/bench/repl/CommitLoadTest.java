package sdlab.bench.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommitLoadTest {
    private static final long MS = 1_000_000;

    /** A session whose one client commits in exactly 2 ms of a clock the test owns, failing every {@code failEvery}. */
    private static ModeSession session(AtomicLong clock, int failEvery) {
        AtomicInteger calls = new AtomicInteger();
        return new ModeSession() {
            @Override
            public CommitClient open(int index) {
                return new CommitClient() {
                    @Override
                    public void commit() throws IOException {
                        clock.addAndGet(2 * MS);
                        if (failEvery > 0 && calls.incrementAndGet() % failEvery == 0) {
                            throw new IOException("refused");
                        }
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public List<String> check(long commits) {
                return List.of();
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void onlyCommitsStartedInTheMeasuredWindowAreTimedButEveryCommitIsCounted() throws InterruptedException {
        // One client, 2 ms per commit: the warm-up (10 ms) holds 5 commits, the measured 100 ms hold 50, each timed at
        // 2 ms.
        AtomicLong clock = new AtomicLong();
        CommitLoad load = new CommitLoad(1, Duration.ofMillis(10), Duration.ofMillis(100), clock::get);

        CommitLoad.Result result = load.run(session(clock, 0));

        assertThat(result.figures().commits()).isEqualTo(50);
        assertThat(result.commitsTotal()).isEqualTo(55);
        assertThat(result.figures().commitsPerSecond()).isEqualTo(500.0);
        assertThat(result.figures().latencyMsP50()).isBetween(1.99, 2.01);
        assertThat(result.figures().latencyMsP99()).isBetween(1.99, 2.01);
        assertThat(result.figures().isFigure()).isTrue();
    }

    @Test
    void errorsAreCountedAndMakeTheRunNoFigure() throws InterruptedException {
        AtomicLong clock = new AtomicLong();
        CommitLoad load = new CommitLoad(1, Duration.ZERO, Duration.ofMillis(20), clock::get);

        CommitFigures figures = load.run(session(clock, 5)).figures();

        assertThat(figures.errors()).isEqualTo(2); // calls 5 and 10 of 10
        assertThat(figures.commits()).isEqualTo(8);
        assertThat(figures.problems()).containsExactly("first error: refused");
        assertThat(figures.isFigure()).isFalse();
    }

    @Test
    void aProblemFromTheSystemsCheckMakesTheRunNoFigure() {
        CommitFigures clean = new CommitFigures(10, 1, 1, 2, 0, List.of());

        assertThat(clean.isFigure()).isTrue();
        assertThat(clean.withProblems(List.of("semi-sync status was OFF, not ON"))
                        .isFigure())
                .isFalse();
    }
}
