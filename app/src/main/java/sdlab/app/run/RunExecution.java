package sdlab.app.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import sdlab.app.Console;
import sdlab.lab.Experiment;
import sdlab.lab.ParamException;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.SeedDetail;
import sdlab.lab.report.Showcase;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.report.TraceListing;
import sdlab.lab.report.html.HtmlReport;
import sdlab.lab.sweep.ConsoleProgress;
import sdlab.lab.sweep.ReplayCommand;
import sdlab.lab.sweep.Sweep;
import sdlab.lab.sweep.SweepFailure;
import sdlab.lab.sweep.SweepProgress;
import sdlab.sim.Fork;
import sdlab.sim.ForkException;

/**
 * One {@code sdlab run}: sweep, then print. Standard output gets only deterministic text (the trace, the report or
 * the JSON), so a replay prints the same bytes every time; progress, timing and file notices go to standard error.
 */
final class RunExecution {
    static final int EXIT_CLAIMS_HELD = 0;
    static final int EXIT_CLAIM_FAILED = 1;
    static final int EXIT_BAD_INPUT = 2;
    static final int EXIT_EXPERIMENT_FAILED = 3;

    private final Experiment experiment;
    private final ParamValues values;
    private final RunRequest request;
    private final CommandLine command;
    private final PrintWriter out;
    private final PrintWriter err;

    RunExecution(Experiment experiment, ParamValues values, RunRequest request, CommandLine command) {
        this.experiment = experiment;
        this.values = values;
        this.request = request;
        this.command = command;
        this.out = command.getOut();
        this.err = command.getErr();
    }

    int execute() {
        if (!request.forks().isEmpty()) {
            return executeFork();
        }
        long startNanos = System.nanoTime();
        ExperimentReport report;
        Optional<SeedDetail> detail;
        try {
            report = Sweep.run(experiment, values, request.sweepSettings(), progress());
            detail = needsDetail() ? Optional.of(detail(report)) : Optional.empty();
        } catch (SweepFailure failure) {
            return experimentFailed(failure);
        } catch (ParamException inconsistent) {
            throw new CommandLine.ParameterException(command, inconsistent.getMessage());
        }
        print(report, detail);
        int exit = report.assertionsHold() ? EXIT_CLAIMS_HELD : EXIT_CLAIM_FAILED;
        if (request.html().isPresent()) {
            exit = writeHtml(request.html().get(), report, detail.orElseThrow(), exit);
        }
        if (!request.quiet()) {
            err.printf(
                    Locale.ROOT,
                    "%s: %d seed%s x %d variant%s in %.2fs on %d thread%s%n",
                    experiment.id(),
                    report.seeds(),
                    report.seeds() == 1 ? "" : "s",
                    report.variants().size(),
                    report.variants().size() == 1 ? "" : "s",
                    (System.nanoTime() - startNanos) / 1e9,
                    request.threads(),
                    request.threads() == 1 ? "" : "s");
        }
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * A fork: the one traced variant with the changes made by hand. The claims compare variants over unchanged seeds,
     * so they do not judge it; its trace and its own findings are printed. Exit 0, or 2 if the change cannot be made.
     */
    private int executeFork() {
        long seed = request.replaySeed().orElseThrow();
        String variant = request.variant().orElseThrow();
        SeedRun run;
        try {
            run = Sweep.fork(experiment, values, seed, variant, request.forks());
        } catch (SweepFailure failure) {
            return experimentFailed(failure);
        } catch (ForkException | IllegalArgumentException cannot) {
            throw new CommandLine.ParameterException(command, "--fork: " + cannot.getMessage());
        }
        SeedDetail detail = new SeedDetail(seed, Map.of(variant, run));
        out.print(TraceListing.render(detail));
        for (Fork fork : request.forks()) {
            out.println("fork of seed " + seed + ", variant " + variant + ": " + fork.describe());
        }
        out.print(TerminalReport.findings(detail));
        if (run.findings().isEmpty()) {
            out.println("findings of " + variant + " on the fork: none (no checker flagged an operation)");
        }
        out.flush();
        return EXIT_CLAIMS_HELD;
    }

    private void print(ExperimentReport report, Optional<SeedDetail> detail) {
        if (request.trace()) {
            out.print(TraceListing.render(detail.orElseThrow()));
        }
        if (request.json()) {
            out.print(JsonReport.render(report));
            return;
        }
        out.print(TerminalReport.render(report, Console.stdoutIsUnicode()));
        if (request.replaySeed().isPresent()) {
            out.print(TerminalReport.findings(detail.orElseThrow()));
        }
    }

    private boolean needsDetail() {
        return request.replaySeed().isPresent() || request.html().isPresent();
    }

    /**
     * The seed a replay asked for, else the report's showcase; either way opened at the showcase's variant when the
     * showcase is about that seed, so that the page starts at the run whose claim failed, not at the first variant.
     */
    private SeedDetail detail(ExperimentReport report) {
        Showcase showcase = report.showcase();
        long seed = request.replaySeed().orElse(showcase.seed());
        return Sweep.replay(experiment, values, seed, request.variant()).focusedOn(showcase);
    }

    private SweepProgress progress() {
        if (request.quiet() || request.replaySeed().isPresent()) {
            return SweepProgress.none();
        }
        return Console.stderrIsTerminal()
                ? ConsoleProgress.bar(err, experiment.id())
                : ConsoleProgress.lines(err, experiment.id());
    }

    private int writeHtml(Path path, ExperimentReport report, SeedDetail detail, int exit) {
        try {
            Files.writeString(path, HtmlReport.render(report, Optional.of(detail)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("sdlab: cannot write " + path + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (!request.quiet()) {
            err.println("wrote " + path + " (seed " + detail.seed()
                    + detail.focus().map(variant -> ", variant " + variant).orElse("") + " in detail)");
        }
        return exit;
    }

    /** A bug in the experiment: say which seed replays it, and show the stack trace that a developer needs. */
    private int experimentFailed(SweepFailure failure) {
        err.println("sdlab: " + failure.getMessage());
        err.println("sdlab: this is a bug in the experiment; replay it with "
                + ReplayCommand.of(experiment.id(), values, failure.seed(), failure.variant()));
        failure.getCause().printStackTrace(err);
        err.flush();
        return EXIT_EXPERIMENT_FAILED;
    }
}
