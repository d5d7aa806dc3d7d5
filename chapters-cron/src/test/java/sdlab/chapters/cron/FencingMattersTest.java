package sdlab.chapters.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.cron.CronOption;
import sdlab.cron.JobEffect;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * The run where fencing matters, and its condition: the leader pauses in the middle of slot 10's
 * run for 3 s, twice its lease; a successor takes the lease, runs slots 11 on; the old leader wakes
 * and sends slot 10's write with its old epoch. A target that checks the token refuses it; the
 * same run against a target that does not check lets it overwrite the successor's work.
 */
class FencingMattersTest {
    private static final long SEED = 1;
    private static final CronExperiment EXPERIMENT = new CronExperiment();

    /** No loss and no random faults: one pause, scripted. */
    private static final ParamValues VALUES =
            ParamValues.defaults(EXPERIMENT.params()).with(CronParams.LOSS, "0");

    private static final CronFaults PAUSE_MID_RUN = new CronFaults(
            List.of(new CronFaults.LeaderFault(CronFaults.Kind.PAUSE, 10_100_000_000L, 3_000_000_000L)), List.of());

    private static CronScenario.Outcome run(FencingPolicy target) {
        return CronScenario.run(CronOption.FENCING, target, VALUES, PAUSE_MID_RUN, SEED, RunOptions.lean());
    }

    @Test
    void aTargetThatChecksTheTokenRefusesThePausedLeadersWrite() {
        // Shows: slot 10's late write (epoch 1) reaches a target that has seen epoch 2, and is refused.
        CronScenario.Outcome outcome = run(FencingPolicy.tokens());
        SeedRun measured = CronMeasurements.measure(outcome, VALUES, RunOptions.lean());

        assertThat(outcome.target().counts().refusedStale()).isEqualTo(1);
        assertThat(measured.counter(CronMeasurements.STALE_OVERWRITES)).isZero();
        assertThat(effects(outcome)).noneMatch(e -> e.slot() == 10);
    }

    @Test
    void theSameRunWithoutTheCheckLetsThePausedLeaderOverwriteItsSuccessor() {
        // Shows: the same schedulers, the same pause, a target that checks nothing: the stale write lands.
        CronScenario.Outcome outcome = run(FencingPolicy.plain());
        SeedRun measured = CronMeasurements.measure(outcome, VALUES, RunOptions.lean());

        assertThat(outcome.target().counts().refusedStale()).isZero();
        assertThat(measured.counter(CronMeasurements.STALE_OVERWRITES)).isEqualTo(1);
        assertThat(measured.counter(CronMeasurements.STALE_WRITES_ACCEPTED)).isEqualTo(1);
        JobEffect late = effects(outcome).stream()
                .filter(e -> e.slot() == 10)
                .findFirst()
                .orElseThrow();
        assertThat(late.epoch()).isEqualTo(1);
        assertThat(outcome.target().state().value(CronScenario.JOB)).isPresent();
    }

    private static List<JobEffect> effects(CronScenario.Outcome outcome) {
        return outcome.applied().stream()
                .map(AppliedWrite::value)
                .map(JobEffect::parse)
                .toList();
    }
}
