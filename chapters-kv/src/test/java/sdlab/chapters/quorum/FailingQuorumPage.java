package sdlab.chapters.quorum;

import java.util.Optional;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.report.html.HtmlReport;
import sdlab.lab.sweep.Sweep;

/**
 * The HTML report of chapter 10 over seeds 1 to 10, built as {@code ./sdlab run quorum --seeds 10 --html} builds it.
 * Its showcase is a failing run: on seed 5, n3r1w3's c4 reads an older value than it read before (op 59) and the key's
 * history is not linearizable, the first counterexample of the monotonic-reads hypothesis.
 */
final class FailingQuorumPage {
    static final int SEEDS = 10;

    private FailingQuorumPage() {}

    /** The sweep's report and the page that details its showcase. */
    record Page(ExperimentReport report, SeedDetail detail, String html) {
        /** The run the page opens at: from its open {@code <details>} to the end of that run. */
        String openedRun() {
            int from = html.indexOf("<details open=");
            return html.substring(from, html.indexOf("</details>", from));
        }

        /** The window of the opened run's diagram that shows without any click. */
        String startWindow() {
            String run = openedRun();
            int from = run.indexOf("<div class=\"window start\"");
            return run.substring(from, run.indexOf("</svg>", from));
        }
    }

    static Page build() {
        QuorumExperiment experiment = new QuorumExperiment();
        ParamValues defaults = ParamValues.defaults(experiment.params());
        ExperimentReport report = Sweep.quietly(experiment, defaults, SEEDS);
        SeedDetail detail = Sweep.replay(experiment, defaults, report.showcaseSeed(), Optional.empty())
                .focusedOn(report.showcase());
        return new Page(report, detail, HtmlReport.render(report, Optional.of(detail)));
    }
}
