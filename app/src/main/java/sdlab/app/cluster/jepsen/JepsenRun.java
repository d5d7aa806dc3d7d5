package sdlab.app.cluster.jepsen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sdlab.check.history.HistoryParser;
import sdlab.check.history.JsonHistoryWriter;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Model;
import sdlab.check.session.SessionGuarantees;
import sdlab.check.session.StaleReads;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.NodeLauncher;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;
import sdlab.runtime.net.LineLog;
import sdlab.sim.OperationGenerator;

/**
 * A Jepsen-style test of a real cluster: start the nodes as processes, drive concurrent clients
 * over TCP while a nemesis breaks things on a schedule, write the history, and check it with
 * the same code as {@code sdlab check} (linearizability per key; for a mechanism that claims less, the
 * checker of its claim: causal consistency), plus stale reads and session guarantees. The cluster is stopped at the end, whatever happened; its logs stay.
 */
public final class JepsenRun {
    /** How long a check may search before it answers unknown. */
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(2);

    private final JepsenSettings settings;
    private final ClusterMechanism mechanism;
    private final OperationGenerator workload;
    private final ConsistencyClaim claim;
    private final NodeLauncher launcher;
    private final Consumer<String> progress;

    /**
     * A run whose history is checked for linearizability.
     *
     * @param workload makes the operations; one generator serves the whole run
     * @param model the model the history is checked against ({@code register} for the quorum store)
     */
    public JepsenRun(
            JepsenSettings settings,
            ClusterMechanism mechanism,
            OperationGenerator workload,
            Model model,
            NodeLauncher launcher,
            Consumer<String> progress) {
        this(settings, mechanism, workload, new ConsistencyClaim.Linearizable(model), launcher, progress);
    }

    /**
     * A run whose history is judged against {@code claim}, the consistency the mechanism promises.
     *
     * @param workload makes the operations; one generator serves the whole run
     */
    public JepsenRun(
            JepsenSettings settings,
            ClusterMechanism mechanism,
            OperationGenerator workload,
            ConsistencyClaim claim,
            NodeLauncher launcher,
            Consumer<String> progress) {
        this.settings = settings;
        this.mechanism = mechanism;
        this.workload = workload;
        this.claim = claim;
        this.launcher = launcher;
        this.progress = progress;
    }

    public JepsenResult run() throws IOException, InterruptedException {
        Path directory = settings.directory();
        ProcessCluster.refuseIfRunning(directory, launcher);
        // A run starts from empty nodes: the data of an earlier run would be recovered and mix in.
        ProcessCluster.removeData(directory);
        LineLog quiet = line -> {};
        progress.accept("starting " + settings.nodes() + " nodes of " + mechanism.describe() + " in " + directory);
        List<Op> ops;
        List<String> nemesisEvents;
        try (ProcessCluster cluster = ProcessCluster.start(
                directory,
                settings.mechanism(),
                settings.options(),
                settings.nodes(),
                settings.seed(),
                launcher,
                quiet)) {
            try {
                // Connected before the clock starts: the run's time is all load and faults.
                List<ClientHost> clients = clients(cluster);
                long start = System.nanoTime();
                HistoryRecorder history = new HistoryRecorder(start);
                long deadline = start + settings.time().toNanos();
                Nemesis nemesis = new Nemesis(
                        cluster,
                        settings.nemesis(),
                        settings.nemesisInterval().toNanos(),
                        deadline,
                        settings.seed() ^ 0x6e656d65L,
                        history,
                        progress);
                List<Thread> threads = new ArrayList<>();
                long pauseNanos = (long) (settings.clients() * 1e9 / settings.rate());
                for (int i = 0; i < clients.size(); i++) {
                    ClientWorker worker = new ClientWorker(
                            i,
                            clients.size(),
                            clients.get(i),
                            workload,
                            history,
                            deadline,
                            pauseNanos,
                            settings.seed() * 31 + i);
                    threads.add(Thread.ofPlatform().name("worker-" + (i + 1)).start(worker));
                }
                Thread nemesisThread = Thread.ofPlatform().name("nemesis").start(nemesis);
                progress.accept("running " + settings.clients() + " clients for "
                        + settings.time().toSeconds() + " s, nemesis "
                        + (settings.nemesis().isEmpty() ? "none" : names(settings.nemesis())));
                reportProgress(history, deadline, threads);
                for (Thread thread : threads) {
                    thread.join();
                }
                nemesisThread.join();
                clients.forEach(ClientHost::close);
                ops = history.ops();
                nemesisEvents = nemesis.events();
            } finally {
                cluster.stop();
            }
        }
        String text = JsonHistoryWriter.lines(ops);
        Files.writeString(settings.historyFile(), text, StandardCharsets.UTF_8);
        progress.accept("wrote " + ops.size() + " history entries to " + settings.historyFile() + "; checking");
        return check(text, nemesisEvents);
    }

    private JepsenResult check(String text, List<String> nemesisEvents) {
        CheckLimits limits = CheckLimits.unlimited()
                .withTimeout(System::nanoTime, CHECK_TIMEOUT.toNanos())
                .withMemoryBytesMax(Runtime.getRuntime().maxMemory() / 2);
        List<Operation> operations = Operations.of(HistoryParser.parse(text));
        Judgement judgement = claim.judge(settings.historyFile().toString(), text, operations, limits);
        int ok = 0;
        int failed = 0;
        int unknown = 0;
        for (Operation op : operations) {
            switch (op.status()) {
                case OK -> ok++;
                case FAIL -> failed++;
                case UNKNOWN -> unknown++;
            }
        }
        return new JepsenResult(
                mechanism.describe(),
                settings.historyFile(),
                claim.name(),
                operations.size(),
                ok,
                failed,
                unknown,
                judgement,
                StaleReads.count(operations),
                SessionGuarantees.check(operations),
                nemesisEvents);
    }

    private List<ClientHost> clients(ProcessCluster cluster) throws InterruptedException {
        List<ClientHost> clients = new ArrayList<>();
        for (int i = 1; i <= settings.clients(); i++) {
            clients.add(ClientHost.start(
                    NodeId.of("c" + i),
                    cluster.addresses(),
                    mechanism.client(cluster.nodes()),
                    mechanism.family(),
                    settings.seed() + i,
                    line -> {}));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (ClientHost client : clients) {
            while (!client.connectedTo(cluster.nodes()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        return clients;
    }

    /** A line every five seconds while the clients run, so that a long run shows it is alive. */
    private void reportProgress(HistoryRecorder history, long deadline, List<Thread> threads)
            throws InterruptedException {
        while (System.nanoTime() < deadline) {
            long left = deadline - System.nanoTime();
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.SECONDS.toNanos(5)));
            if (System.nanoTime() < deadline) {
                progress.accept("[%6.1fs] %d history entries"
                        .formatted(history.elapsedSeconds(), history.ops().size()));
            }
        }
    }

    private static String names(List<NemesisKind> kinds) {
        return String.join(",", kinds.stream().map(NemesisKind::cliName).toList());
    }
}
