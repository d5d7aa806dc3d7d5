package sdlab.app.merge;

import java.util.Optional;
import sdlab.lab.Experiment;
import sdlab.lab.Param;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.ParamSetting;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.report.Showcase;
import sdlab.lab.sweep.Sweep;

/**
 * The seed a merged report shows in detail, run again on this machine with its trace and history. The shards kept
 * no traces (sweeps are lean), but one seed is cheap and determinism makes the replay the run the shard measured.
 */
final class ShowcaseReplay {
    private ShowcaseReplay() {}

    static SeedDetail of(Experiment experiment, ExperimentReport report) {
        ParamValues values = ParamValues.defaults(experiment.params());
        for (ParamSetting setting : report.params()) {
            values = values.with(param(experiment, setting.name()), setting.text());
        }
        Optional<String> onlyVariant = report.mergeable().flatMap(state -> state.onlyVariant());
        Showcase showcase = report.showcase();
        return Sweep.replay(experiment, values, showcase.seed(), onlyVariant).focusedOn(showcase);
    }

    private static Param<?> param(Experiment experiment, String name) {
        return experiment.params().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the merge checked that " + name + " is a parameter"));
    }
}
