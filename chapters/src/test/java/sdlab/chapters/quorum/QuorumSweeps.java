package sdlab.chapters.quorum;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepProgress;
import sdlab.lab.sweep.SweepSettings;

/** Runs chapter 10 sweeps for tests, quietly, on every core. */
final class QuorumSweeps {
    private QuorumSweeps() {}

    static ExperimentReport sweep(Experiment experiment, int seeds) {
        ParamValues values = ParamValues.defaults(experiment.params());
        SweepSettings settings =
                SweepSettings.of(1, seeds).withThreads(Runtime.getRuntime().availableProcessors());
        return Sweep.run(experiment, values, settings, SweepProgress.none());
    }

    static Map<String, ClaimResult> claimsByName(ExperimentReport report) {
        return report.claims().stream().collect(Collectors.toMap(ClaimResult::name, Function.identity()));
    }
}
