package sdlab.chapters.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.sweep.ReplayCheck;

/** The check every chapter's determinism test makes, as the lab defines it: a seed replays byte for byte. */
public final class DeterminismCheck {
    private DeterminismCheck() {}

    public static void sameSeedSameTraceOtherSeedOtherTrace(Experiment experiment, long seed) {
        sameSeedSameTraceOtherSeedOtherTrace(experiment, ParamValues.defaults(experiment.params()), seed);
    }

    public static void sameSeedSameTraceOtherSeedOtherTrace(Experiment experiment, ParamValues values, long seed) {
        assertThat(ReplayCheck.problems(experiment, values, seed)).isEmpty();
    }
}
