package sdlab.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sdlab.app.cluster.jepsen.ConsistencyClaim;
import sdlab.app.cluster.jepsen.JepsenResult;
import sdlab.app.cluster.jepsen.JepsenRun;
import sdlab.app.cluster.jepsen.JepsenSettings;
import sdlab.app.cluster.jepsen.Judgement;
import sdlab.app.cluster.jepsen.NemesisKind;
import sdlab.check.report.HtmlReport;
import sdlab.check.report.TextReport;
import sdlab.check.session.Guarantee;
import sdlab.lab.DurationText;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.sim.OperationGenerator;

/** {@code sdlab cluster test}: a Jepsen-style run of a real cluster, checked by sdlab. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Start a cluster, drive concurrent clients over TCP while a nemesis injects faults, write the history and"
                    + " check it (linearizability per key, stale reads, session guarantees; the causal store, which"
                    + " does not claim linearizability, is judged for causal consistency instead). A client timeout is"
                    + " recorded as info (unknown), never as fail.",
            "The history stays in DIR/history.jsonl; 'sdlab check --model register DIR/history.jsonl' re-checks it.",
            "",
            "  sdlab cluster test quorum --time 60s --clients 5 --nemesis partition,kill,pause"
                    + " --variant n3r2w2-writeback",
            "  sdlab cluster test causal --time 20s --nodes 3 --nemesis partition,kill"
        },
        exitCodeListHeading = "%nExit codes (as sdlab check):%n",
        exitCodeList = {
            "0:the history is linearizable (causal: causally consistent)",
            "1:it is not",
            "2:unknown (the check ran out of time or memory) or bad input"
        })
final class ClusterTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MECHANISM",
            description =
                    "what to test: quorum (chapter 10's store), raft, coord (the coordination service, through its simulator"
                            + " client over TCP), repl (the replicated store, through its client that seeks the primary),"
                            + " shards (the sharded store, through its router) or causal (the COPS-style causal store,"
                            + " each client on its own replica)")
    String mechanism;

    @Mixin
    MechanismOptions mechanismOptions;

    @Option(names = "--nodes", defaultValue = "5", description = "nodes (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--clients", defaultValue = "5", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(
            names = "--time",
            defaultValue = "30s",
            description = "how long the clients run (default: ${DEFAULT-VALUE})")
    String time;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "operations per second over all clients (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(
            names = "--nemesis",
            defaultValue = "partition,kill,pause",
            split = ",",
            description =
                    "faults to inject: partition, one-way, kill, pause, loss, or none (default: ${DEFAULT-VALUE})")
    List<String> nemesis;

    @Option(
            names = "--nemesis-interval",
            defaultValue = "3s",
            description = "length of each quiet period and each fault (default: ${DEFAULT-VALUE})")
    String nemesisInterval;

    @Option(
            names = "--keys",
            defaultValue = "2",
            description = "keys the operations spread over (default: ${DEFAULT-VALUE})")
    int keys;

    @Option(names = "--read-share", defaultValue = "0.5", description = "share of reads (default: ${DEFAULT-VALUE})")
    double readShare;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the workload, the nemesis and the nodes")
    long seed;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "sdlab-cluster-test",
            description = "folder for the cluster, its logs and the history; earlier data there is removed"
                    + " (default: ./${DEFAULT-VALUE})")
    Path directory;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(
            names = "--html",
            paramLabel = "PATH",
            description = "also write the checker's page for the history: per-process timelines, the violation"
                    + " highlighted (as sdlab check --html)")
    Path html;

    /** Mechanisms whose nodes open a port each for clients (RESP, ZooKeeper), from {@code client-port} up. */
    private static final Set<String> OPENS_CLIENT_PORTS =
            Set.of(ReplClusterMechanism.NAME, ShardClusterMechanism.NAME, CoordClusterMechanism.NAME);

    @Override
    public Integer call() throws IOException, InterruptedException {
        JepsenSettings settings;
        ClusterMechanism resolved;
        OperationGenerator workload;
        try {
            Map<String, String> options = mechanismOptions.asMap();
            resolved = ClusterMechanisms.resolve(mechanism, options);
            // A mechanism with no workload here (the log: its clients speak Kafka's protocol) is refused, as bad input.
            workload = ClusterMechanisms.workload(mechanism, keys, readShare, clients);
            nodes = ClusterMechanisms.nodeCount(
                    resolved, nodes, spec.commandLine().getParseResult().hasMatchedOption("--nodes"));
            if (OPENS_CLIENT_PORTS.contains(mechanism) && !options.containsKey("client-port")) {
                // The run's own nodes must not take the default ports of a cluster the user is running beside it.
                options.put("client-port", Integer.toString(CoordBenchCluster.freeConsecutivePorts(nodes)));
                resolved = ClusterMechanisms.resolve(mechanism, options);
            }
            settings = new JepsenSettings(
                    mechanism,
                    options,
                    nodes,
                    clients,
                    DurationText.parseOption("--time", time),
                    rate,
                    NemesisKind.parseAll(nemesis),
                    DurationText.parseOption("--nemesis-interval", nemesisInterval),
                    keys,
                    readShare,
                    seed,
                    directory.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ConsistencyClaim claim = ClusterMechanisms.claim(mechanism);
        if (html != null && !(claim instanceof ConsistencyClaim.Linearizable)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--html draws the linearizability checker's page; the " + mechanism
                            + " store is judged for causal consistency, which has no page yet");
        }
        PrintWriter err = spec.commandLine().getErr();
        JepsenRun run = new JepsenRun(settings, resolved, workload, claim, ClusterMechanisms.LAUNCHER, line -> {
            err.println("sdlab: " + line);
            err.flush();
        });
        JepsenResult result;
        try {
            result = run.run();
        } catch (IllegalStateException e) {
            err.println("sdlab: " + e.getMessage());
            err.flush();
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? json(result) : text(result));
        out.flush();
        if (html != null) {
            Files.writeString(html, HtmlReport.render(result.linearizability()), StandardCharsets.UTF_8);
            err.println("sdlab: wrote " + html);
            err.flush();
        }
        return result.exitCode();
    }

    static String text(JepsenResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.description()).append('\n');
        text.append("operations: %d (ok %d, failed %d, unknown %d)%n"
                .formatted(result.operations(), result.ok(), result.failed(), result.unknown()));
        text.append("nemesis: ")
                .append(
                        result.nemesisEvents().isEmpty()
                                ? "nothing"
                                : result.nemesisEvents().size() + " events")
                .append('\n');
        result.nemesisEvents().forEach(event -> text.append("  ").append(event).append('\n'));
        text.append("stale reads: %d of %d reads with a value%n"
                .formatted(result.staleReads().staleReads(), result.staleReads().readsChecked()));
        result.staleReads()
                .examples()
                .forEach(stale -> text.append(
                        "  process %d read %s of key %s at %.3fs, after the write of %s had been acknowledged at %.3fs%n"
                                .formatted(
                                        stale.process(),
                                        stale.valueRead(),
                                        stale.key(),
                                        stale.readInvokeTimeNanos() / 1e9,
                                        stale.newerValue(),
                                        stale.newerWriteCompleteTimeNanos() / 1e9)));
        text.append("session guarantees: ");
        List<String> broken = new ArrayList<>();
        for (Guarantee guarantee : Guarantee.values()) {
            int count = result.sessions().count(guarantee);
            if (count > 0) {
                broken.add(guarantee + " " + count);
            }
        }
        text.append(broken.isEmpty() ? "all held" : String.join(", ", broken)).append('\n');
        switch (result.judgement()) {
            case Judgement.Linearizability linearizability -> {
                text.append("linearizability (model ").append(result.model()).append("): ");
                text.append(TextReport.explain(linearizability.outcome())).append('\n');
                text.append("history: ")
                        .append(result.historyFile())
                        .append(" (re-check: sdlab check --model ")
                        .append(result.model())
                        .append(' ')
                        .append(result.historyFile())
                        .append(')');
            }
            case Judgement.Causality causality -> {
                text.append(CausalText.explain(causality.report())).append('\n');
                text.append("history: ").append(result.historyFile());
            }
        }
        return text.toString();
    }

    static String json(JepsenResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode()
                .put("description", result.description())
                .put("history", result.historyFile().toString())
                .put("model", result.model())
                .put("verdict", result.verdict().name().toLowerCase(java.util.Locale.ROOT))
                .put("operations", result.operations())
                .put("ok", result.ok())
                .put("failed", result.failed())
                .put("unknown", result.unknown())
                .put("staleReads", result.staleReads().staleReads())
                .put("readsChecked", result.staleReads().readsChecked());
        if (result.judgement() instanceof Judgement.Causality causality) {
            root.put("readsJudged", causality.report().readsChecked())
                    .put("causalViolations", causality.report().violations());
        }
        ObjectNode sessions = root.putObject("sessionViolations");
        for (Guarantee guarantee : Guarantee.values()) {
            sessions.put(
                    guarantee.name().toLowerCase(java.util.Locale.ROOT),
                    result.sessions().count(guarantee));
        }
        result.nemesisEvents().forEach(root.putArray("nemesis")::add);
        return root.toPrettyString();
    }
}
