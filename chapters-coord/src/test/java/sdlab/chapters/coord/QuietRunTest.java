package sdlab.chapters.coord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.coord.recipes.LockConfig;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Without faults every recipe hands the lock on with no overlap and no lost increment: what the faults break is measured against this. */
class QuietRunTest {
    private static final LockExperiment EXPERIMENT = new LockExperiment();
    private static final ParamValues VALUES = ParamValues.defaults(EXPERIMENT.params());

    static java.util.List<LockVariant> variants() {
        return LockVariant.all();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void holdsNeverOverlapAndEveryIncrementLands(LockVariant variant) {
        LockScenario.Outcome outcome = LockScenario.run(
                variant.kind(), variant.store(), LockConfig.Bug.NONE, VALUES, LockFaults.none(), 3, RunOptions.lean());
        SeedRun run = LockMeasurements.measure(outcome, RunOptions.lean());

        assertThat(run.counter(LockMeasurements.ACQUISITIONS)).isGreaterThan(30);
        assertThat(run.counter(LockMeasurements.OVERLAPPING_HOLDS)).isZero();
        assertThat(run.counter(LockMeasurements.LOST_UPDATES)).isZero();
        assertThat(run.counter(LockMeasurements.OUT_OF_ORDER)).isZero();
        assertThat(run.counter(LockMeasurements.REFUSED)).isZero();
    }
}
