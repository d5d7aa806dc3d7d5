package sdlab.chapters.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.cron.CronOption;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Without faults or loss every option runs every slot exactly once: what the faults break is measured against this. */
class QuietRunTest {
    private static final CronExperiment EXPERIMENT = new CronExperiment();
    private static final ParamValues VALUES =
            ParamValues.defaults(EXPERIMENT.params()).with(CronParams.LOSS, "0");

    @ParameterizedTest
    @EnumSource(CronOption.class)
    void everySlotRunsOnceAndTakesEffectOnce(CronOption option) {
        CronScenario.Outcome outcome = CronScenario.run(
                option, option.targetPolicy(), VALUES, new CronFaults(List.of(), List.of()), 3, RunOptions.lean());
        SeedRun run = CronMeasurements.measure(outcome, VALUES, RunOptions.lean());

        assertThat(run.counter(CronMeasurements.DUPLICATE_RUNS)).isZero();
        assertThat(run.counter(CronMeasurements.MISSED_RUNS)).isZero();
        assertThat(run.counter(CronMeasurements.DUPLICATE_EFFECTS)).isZero();
        assertThat(run.counter(CronMeasurements.MISSED_EFFECTS)).isZero();
        assertThat(run.counter(CronMeasurements.LEASES)).isEqualTo(1);
    }
}
