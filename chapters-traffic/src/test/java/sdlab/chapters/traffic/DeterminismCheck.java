package sdlab.chapters.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.report.SeedDetail;

/** The check every chapter's determinism test makes: a seed replays byte for byte, another seed differs. */
public final class DeterminismCheck {
    private DeterminismCheck() {}

    public static void sameSeedSameTraceOtherSeedOtherTrace(Experiment experiment, long seed) {
        sameSeedSameTraceOtherSeedOtherTrace(experiment, ParamValues.defaults(experiment.params()), seed);
    }

    public static void sameSeedSameTraceOtherSeedOtherTrace(Experiment experiment, ParamValues values, long seed) {
        SeedDetail first = Sweeps.replay(experiment, values, seed);
        SeedDetail again = Sweeps.replay(experiment, values, seed);
        SeedDetail other = Sweeps.replay(experiment, values, seed + 1);
        assertThat(first.runsByVariant()).isNotEmpty();
        for (String variant : first.runsByVariant().keySet()) {
            SeedRun a = first.runsByVariant().get(variant);
            SeedRun b = again.runsByVariant().get(variant);
            assertThat(Sweeps.lines(a)).as(variant).isNotEmpty().isEqualTo(Sweeps.lines(b));
            assertThat(a.traceHash()).as(variant).isEqualTo(b.traceHash());
            assertThat(a.counters()).as(variant).isEqualTo(b.counters());
            assertThat(a.traceHash())
                    .as(variant)
                    .isNotEqualTo(other.runsByVariant().get(variant).traceHash());
        }
    }
}
