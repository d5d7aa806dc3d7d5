package sdlab.app.merge;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.app.Console;
import sdlab.app.ExperimentCatalog;
import sdlab.lab.Experiment;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.report.Shard;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.report.html.HtmlReport;
import sdlab.lab.sweep.MergeRefused;
import sdlab.lab.sweep.SweepMerge;

/**
 * {@code sdlab merge a.json b.json ...}: the JSON reports of {@code sdlab run} over adjacent seed ranges, combined into
 * exactly the report of one run over all their seeds, printed as {@code sdlab run} prints: a terminal report, JSON, or
 * an HTML page. This is how a sweep scales past one machine without a scheduler of our own: any batch engine runs the
 * ranges, and this adds them up (see {@code deploy/} for a Kubernetes Indexed Job).
 */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Combines the JSON reports of 'sdlab run <experiment> --first-seed S --seeds N --json' over adjacent "
                    + "seed ranges into exactly the report of one run over all the seeds: counts, claims, intervals, "
                    + "counterexamples, and percentiles of the merged histograms.",
            "Refuses (exit 2) reports of different experiments, parameters, --variant or sdlab versions, and seed "
                    + "ranges that overlap or leave a gap."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every assertion held over all the seeds",
            "1:some assertion did not hold",
            "2:bad input: unreadable reports, or reports that are not parts of one sweep"
        })
public final class MergeCommand implements Callable<Integer> {
    private static final int EXIT_CLAIMS_HELD = 0;
    private static final int EXIT_CLAIM_FAILED = 1;
    private static final int EXIT_BAD_INPUT = 2;

    private final ExperimentCatalog catalog;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON reports of 'sdlab run ... --json'")
    List<Path> files;

    @Option(names = "--json", description = "Print the merged report as JSON (it can be merged further).")
    boolean json;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Also write a self-contained HTML report; the seed it shows in detail is run again here.")
    Path html;

    public MergeCommand(ExperimentCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExperimentReport report;
        Experiment experiment;
        try {
            List<Shard> shards = ShardFiles.read(files);
            experiment = experiment(shards.getFirst());
            report = SweepMerge.merge(experiment, shards);
        } catch (ShardFiles.Unreadable | MergeRefused | UnknownExperiment e) {
            err.println("sdlab: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        out.print(json ? JsonReport.render(report) : TerminalReport.render(report, Console.stdoutIsUnicode()));
        out.flush();
        int exit = report.assertionsHold() ? EXIT_CLAIMS_HELD : EXIT_CLAIM_FAILED;
        return html == null ? exit : writeHtml(experiment, report, err, exit);
    }

    private Experiment experiment(Shard shard) throws UnknownExperiment {
        return catalog.find(shard.experiment())
                .orElseThrow(() -> new UnknownExperiment(shard.source() + " is a report of experiment '"
                        + shard.experiment() + "', which this sdlab does not have ('sdlab list' shows them)"));
    }

    private int writeHtml(Experiment experiment, ExperimentReport report, PrintWriter err, int exit) {
        SeedDetail detail = ShowcaseReplay.of(experiment, report);
        try {
            Files.writeString(html, HtmlReport.render(report, Optional.of(detail)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("sdlab: cannot write " + html + ": " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        return exit;
    }

    /** A report of an experiment this build does not contain. */
    private static final class UnknownExperiment extends Exception {
        UnknownExperiment(String message) {
            super(message);
        }
    }
}
