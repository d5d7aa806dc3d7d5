package sdlab.chapters.coord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.recipes.LockConfig;
import sdlab.coord.recipes.LockKind;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * The run where fencing matters: at 5 s the holder is paused for 3 s (three sessions) between
 * reading the counter and writing it back. Its session expires, a successor takes the lock and
 * increments the counter; the old holder wakes and writes what it computed before the pause. A
 * store that checks the token refuses it; the same run against a store that does not check lets
 * it overwrite the successor's increments.
 */
class FencingMattersTest {
    private static final long SEED = 1;
    private static final LockExperiment EXPERIMENT = new LockExperiment();
    private static final ParamValues VALUES = ParamValues.defaults(EXPERIMENT.params());
    private static final LockFaults PAUSE_MID_INCREMENT =
            new LockFaults(List.of(new LockFaults.HolderFault(LockFaults.Kind.PAUSE, 5_000_000_000L, 3_000_000_000L)));

    private static SeedRun run(FencingPolicy store) {
        return LockMeasurements.measure(
                LockScenario.run(
                        LockKind.SEQUENTIAL,
                        store,
                        LockConfig.Bug.NONE,
                        VALUES,
                        PAUSE_MID_INCREMENT,
                        SEED,
                        RunOptions.lean()),
                RunOptions.lean());
    }

    @Test
    void aStoreThatChecksTheTokenRefusesThePausedHoldersWrite() {
        // Shows: two clients believe they hold the lock, yet no increment is lost: the old token is refused.
        SeedRun run = run(FencingPolicy.tokens());

        assertThat(run.counter(LockMeasurements.OVERLAPPING_HOLDS)).isPositive();
        assertThat(run.counter(LockMeasurements.REFUSED)).isEqualTo(1);
        assertThat(run.counter(LockMeasurements.LOST_UPDATES)).isZero();
        assertThat(run.counter(LockMeasurements.OUT_OF_ORDER)).isZero();
    }

    @Test
    void theSameRunWithoutTheCheckLetsThePausedHolderOverwriteItsSuccessor() {
        // Shows: the same clients, the same pause, a store that checks nothing: the stale write lands.
        SeedRun run = run(FencingPolicy.plain());

        assertThat(run.counter(LockMeasurements.OVERLAPPING_HOLDS)).isPositive();
        assertThat(run.counter(LockMeasurements.REFUSED)).isZero();
        assertThat(run.counter(LockMeasurements.LOST_UPDATES)).isPositive();
        assertThat(run.counter(LockMeasurements.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(run.findings()).anyMatch(f -> f.startsWith("lost update:"));
        System.out.println(run.findings());
    }
}
