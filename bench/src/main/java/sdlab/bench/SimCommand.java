package sdlab.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.bench.sim.Clocks;
import sdlab.bench.sim.SimMeasurement;
import sdlab.bench.sim.SimThroughput;
import sdlab.bench.sim.SimWorkload;

/** {@code sdlab bench sim}: simulated message deliveries per second and virtual over wall time. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the simulator on one thread: a 5-node quorum store, (N,R,W) = (5,3,3), closed-loop clients,"
                    + " log-normal latency, no faults, no trace.",
            "Reports message deliveries and events per second of wall time and the ratio of virtual to wall time,"
                    + " for a chapter-10-like workload and a message-heavy one (64 clients, no think time).",
            "Targets (issue 2): at least 2,000,000 deliveries/s and 1,000x real time."
        })
final class SimCommand implements Callable<Integer> {
    private static final String ALL = "all";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "Wall-clock seconds measured per workload (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "8",
            description = "Wall-clock seconds of warm-up per workload, not measured; the JIT needs about six to reach"
                    + " its steady state (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(
            names = "--workload",
            defaultValue = ALL,
            description = "Which workload: quorum, message-heavy or all (default: ${DEFAULT-VALUE}).")
    String workload;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        List<SimWorkload> workloads = chosenWorkloads();
        if (seconds < 1 || seconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--seconds must be between 1 and 3600, got " + seconds);
        }
        if (warmupSeconds < 0 || warmupSeconds > 3600) {
            throw new ParameterException(
                    spec.commandLine(), "--warmup-seconds must be between 0 and 3600, got " + warmupSeconds);
        }
        Machine machine = Machine.now();
        Progress progress = new Progress(spec.commandLine().getErr(), System::nanoTime);
        List<SimReport.Row> rows = new ArrayList<>();
        for (SimWorkload chosen : workloads) {
            SimMeasurement measured = new SimThroughput(chosen, Clocks.system())
                    .measure(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds), progress);
            rows.add(new SimReport.Row(chosen, measured));
        }
        SimReport report = new SimReport(machine, warmupSeconds, seconds, rows);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.text());
        out.flush();
        return 0;
    }

    private List<SimWorkload> chosenWorkloads() {
        List<SimWorkload> all = SimWorkload.all();
        if (workload.equals(ALL)) {
            return all;
        }
        List<SimWorkload> named =
                all.stream().filter(w -> w.name().equals(workload)).toList();
        if (named.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no workload named '" + workload + "'; choose "
                            + String.join(
                                    ", ", all.stream().map(SimWorkload::name).toList()) + " or " + ALL);
        }
        return named;
    }
}
