package sdlab.runtime.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import sdlab.core.NodeId;
import sdlab.runtime.host.ControlMessages.Status;
import sdlab.runtime.net.LineLog;
import sdlab.runtime.net.NetworkFaults;

/**
 * A cluster of node processes on this machine, and the faults a nemesis applies to it: the Java
 * API behind {@code sdlab cluster}, for tests as much as for the command line.
 *
 * <ul>
 *   <li>Process faults: {@link #kill} (SIGKILL: nothing unsynced is promised to survive),
 *       {@link #restart} (from its data directory), {@link #pause} and {@link #resume}
 *       (SIGSTOP and SIGCONT: the process keeps its sockets but answers nothing).
 *   <li>Network faults, applied inside each node's transport: {@link #partition} into groups,
 *       {@link #partitionOneWay}, {@link #delay}, {@link #loss}, and {@link #heal}. They are
 *       kept in the layout file, so a node restarted or resumed comes back under them, as a
 *       host's firewall rules outlive its processes.
 * </ul>
 *
 * Every node process is checked to be the one this cluster started (its command line names this
 * directory and its id) before a signal is sent to its pid, so a pid reused after a reboot is
 * never signalled.
 */
public final class ProcessCluster implements AutoCloseable {
    /** How long {@link #start} and {@link #restart} wait for nodes to answer. */
    public static final Duration READY_WAIT = Duration.ofSeconds(30);

    private static final Duration CONTROL_WAIT = Duration.ofSeconds(2);

    private final Path directory;
    private final NodeLauncher launcher;
    private final LineLog log;
    private ClusterLayout layout;
    private ControlClient control;

    private ProcessCluster(Path directory, NodeLauncher launcher, LineLog log, ClusterLayout layout) {
        this.directory = directory.toAbsolutePath().normalize();
        this.launcher = launcher;
        this.log = log;
        this.layout = layout;
    }

    /**
     * Starts {@code nodes} node processes of {@code mechanism} on free loopback ports, and
     * returns once every one answers and is connected to every other.
     *
     * @throws IllegalStateException if a cluster is already running in {@code directory}, or the
     *     nodes did not become ready (the message ends with the last lines of their logs)
     */
    public static ProcessCluster start(
            Path directory,
            String mechanism,
            Map<String, String> options,
            int nodes,
            long seed,
            NodeLauncher launcher,
            LineLog log)
            throws IOException {
        if (nodes < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + nodes);
        }
        refuseIfRunning(directory, launcher);
        Map<NodeId, Integer> ports = new LinkedHashMap<>();
        for (int i = 1; i <= nodes; i++) {
            ports.put(NodeId.of("n" + i), freePort());
        }
        ProcessCluster cluster =
                new ProcessCluster(directory, launcher, log, ClusterLayout.of(mechanism, options, seed, ports));
        cluster.layout.write(directory);
        try {
            for (NodeId id : cluster.layout.nodes()) {
                cluster.launch(id);
            }
            cluster.awaitReady(cluster.layout.nodes(), READY_WAIT);
        } catch (IOException | RuntimeException e) {
            cluster.stop();
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Refuses a directory where nodes of an earlier cluster still run: two clusters would share data. */
    public static void refuseIfRunning(Path directory, NodeLauncher launcher) {
        if (!Files.exists(ClusterLayout.file(directory))) {
            return;
        }
        try (ProcessCluster existing = attach(directory, launcher, line -> {})) {
            List<NodeId> running = existing.running();
            if (!running.isEmpty()) {
                throw new IllegalStateException("a cluster is already running in " + directory + " (nodes " + running
                        + "); stop it first with 'sdlab cluster stop --dir " + directory + "'");
            }
        } catch (ClusterLayout.BadLayoutException e) {
            // A damaged file of a cluster that is gone: the new one replaces it.
        }
    }

    /**
     * Removes the node data and logs of an earlier cluster in {@code directory}, so the next one
     * starts empty. Refuses while nodes of it still run.
     */
    public static void removeData(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        Path data = directory.resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().matches("n\\d+\\.log")) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Whether {@code directory} holds node data of an earlier cluster, which a new one would recover. */
    public static boolean hasData(Path directory) {
        return Files.isDirectory(directory.resolve("data"));
    }

    /** The cluster already described in {@code directory}, whatever state its processes are in. */
    public static ProcessCluster attach(Path directory, NodeLauncher launcher, LineLog log)
            throws ClusterLayout.BadLayoutException {
        return new ProcessCluster(directory, launcher, log, ClusterLayout.read(directory));
    }

    public Path directory() {
        return directory;
    }

    public ClusterLayout layout() {
        return layout;
    }

    public List<NodeId> nodes() {
        return layout.nodes();
    }

    public Map<NodeId, InetSocketAddress> addresses() {
        return layout.addresses();
    }

    public NodeProcessState state(NodeId id) {
        Long pid = layout.pids().get(checked(id));
        return pid == null ? NodeProcessState.DOWN : NodeProcessState.of(pid, directory, id.name());
    }

    /** The nodes whose process is alive, paused or not. */
    public List<NodeId> running() {
        List<NodeId> running = new ArrayList<>();
        for (NodeId id : nodes()) {
            if (state(id) != NodeProcessState.DOWN) {
                running.add(id);
            }
        }
        return running;
    }

    /** What {@code id} says about itself, or empty if it does not answer (down or paused). */
    public Optional<Status> status(NodeId id) {
        if (state(id) != NodeProcessState.RUNNING) {
            return Optional.empty();
        }
        return control().status(id, CONTROL_WAIT);
    }

    /** Kills {@code id} with SIGKILL and waits until it is gone. */
    public void kill(NodeId id) {
        Long pid = layout.pids().get(checked(id));
        if (pid == null || state(id) == NodeProcessState.DOWN) {
            throw new IllegalStateException(id + " is not running");
        }
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit()
                    .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        });
        log.line("killed " + id + " (pid " + pid + ")");
    }

    /** Starts {@code id} again from its data directory and waits until it answers. */
    public void restart(NodeId id) throws IOException {
        if (state(checked(id)) != NodeProcessState.DOWN) {
            throw new IllegalStateException(id + " is still running; kill it first");
        }
        launch(id);
        awaitReady(List.of(id), READY_WAIT);
        log.line("restarted " + id);
    }

    /**
     * Adds one more node process to the running cluster, named after the last (n6 after n5), on a free port, and waits
     * until it answers and is linked to every running node. The layout names it from now on, so every later command
     * and every node that restarts knows it; the nodes already running do not read the layout again and learn of it
     * only from the connections it opens to them, which is all a node needs to answer it. What the new node does is
     * its mechanism's business: the factory gets the layout with it included.
     *
     * @return the new node's id
     */
    public NodeId add() throws IOException {
        NodeId id = NodeId.of("n" + (nodes().size() + 1));
        layout = layout.withNode(id, freePort());
        layout.write(directory);
        if (control != null) {
            // The control client knows the addresses of the nodes before this one: the next call makes a new one.
            control.close();
            control = null;
        }
        launch(id);
        awaitReady(List.of(id), READY_WAIT);
        log.line("added " + id + " on port " + layout.ports().get(id));
        return id;
    }

    /** Stops {@code id} with SIGSTOP: it holds its sockets and memory but runs nothing. */
    public void pause(NodeId id) {
        signal(id, "STOP");
        awaitState(id, state -> state == NodeProcessState.PAUSED);
        log.line("paused " + id);
    }

    /** Lets a paused {@code id} run again, under the network faults in force now. */
    public void resume(NodeId id) {
        signal(id, "CONT");
        awaitState(id, state -> state != NodeProcessState.PAUSED);
        control().setFaults(id, layout.faults().getOrDefault(id, NetworkFaults.NONE), CONTROL_WAIT);
        log.line("resumed " + id);
    }

    /**
     * Cuts the network between groups: a node hears only the nodes of its own group. Nodes named
     * in no group form one more group together.
     */
    public void partition(List<List<NodeId>> groups) throws IOException {
        List<List<NodeId>> all = new ArrayList<>(groups);
        Set<NodeId> named = new HashSet<>();
        for (List<NodeId> group : groups) {
            for (NodeId id : group) {
                if (!named.add(checked(id))) {
                    throw new IllegalArgumentException(id + " is in two groups");
                }
            }
        }
        List<NodeId> rest = nodes().stream().filter(id -> !named.contains(id)).toList();
        if (!rest.isEmpty()) {
            all.add(rest);
        }
        ClusterLayout updated = layout;
        for (List<NodeId> group : all) {
            List<NodeId> others =
                    nodes().stream().filter(id -> !group.contains(id)).toList();
            for (NodeId id : group) {
                NetworkFaults current = updated.faults().getOrDefault(id, NetworkFaults.NONE);
                updated = updated.withFaults(id, current.withBlocked(others, others));
            }
        }
        apply(updated);
        log.line("partitioned " + all);
    }

    /** Drops every frame {@code from} sends to {@code to}; the other direction still flows. */
    public void partitionOneWay(NodeId from, NodeId to) throws IOException {
        NetworkFaults sender = layout.faults().getOrDefault(checked(from), NetworkFaults.NONE);
        NetworkFaults receiver = layout.faults().getOrDefault(checked(to), NetworkFaults.NONE);
        ClusterLayout updated = layout.withFaults(
                        from, sender.withBlocked(plus(sender.blockedTo(), to), sender.blockedFrom()))
                .withFaults(to, receiver.withBlocked(receiver.blockedTo(), plus(receiver.blockedFrom(), from)));
        apply(updated);
        log.line("cut " + from + " -> " + to);
    }

    /** Adds {@code millis} to every frame every node sends (0 removes the delay). */
    public void delay(long millis) throws IOException {
        ClusterLayout updated = layout;
        for (NodeId id : nodes()) {
            updated = updated.withFaults(
                    id, updated.faults().getOrDefault(id, NetworkFaults.NONE).withDelay(millis));
        }
        apply(updated);
        log.line("added " + millis + " ms to every frame");
    }

    /** Loses each frame every node sends with probability {@code rate} (0 removes the loss). */
    public void loss(double rate) throws IOException {
        ClusterLayout updated = layout;
        for (NodeId id : nodes()) {
            updated = updated.withFaults(
                    id, updated.faults().getOrDefault(id, NetworkFaults.NONE).withLoss(rate));
        }
        apply(updated);
        log.line("losing " + rate + " of frames");
    }

    /** Removes every network fault. Paused nodes stay paused and killed nodes stay down. */
    public void heal() throws IOException {
        ClusterLayout updated = layout;
        for (NodeId id : nodes()) {
            updated = updated.withFaults(id, NetworkFaults.NONE);
        }
        apply(updated);
        log.line("healed the network");
    }

    /**
     * Stops every node the layout file names (a node added by another handle too): SIGCONT for
     * paused ones, then SIGTERM, then SIGKILL for any still there after five seconds. The data
     * directories stay.
     */
    public void stop() {
        try {
            // Every node the layout names now, those another handle added since this one read it included.
            layout = ClusterLayout.read(directory);
        } catch (ClusterLayout.BadLayoutException e) {
            // The file is gone or damaged: stop the nodes this handle knows.
        }
        List<ProcessHandle> stopping = new ArrayList<>();
        for (NodeId id : nodes()) {
            if (state(id) == NodeProcessState.DOWN) {
                continue;
            }
            long pid = layout.pids().get(id);
            sendSignal(pid, "CONT");
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                stopping.add(process);
            });
        }
        for (ProcessHandle process : stopping) {
            try {
                process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /** Closes this handle's connections; the cluster's processes keep running. */
    @Override
    public void close() {
        if (control != null) {
            control.close();
            control = null;
        }
    }

    private void apply(ClusterLayout updated) throws IOException {
        updated.write(directory);
        layout = updated;
        for (NodeId id : nodes()) {
            if (state(id) == NodeProcessState.RUNNING) {
                NetworkFaults faults = layout.faults().getOrDefault(id, NetworkFaults.NONE);
                if (!control().setFaults(id, faults, CONTROL_WAIT)) {
                    log.line(id + " did not confirm its faults; it applies them when it restarts or resumes");
                }
            }
        }
    }

    private void launch(NodeId id) throws IOException {
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(launcher.command(directory, id))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        NodeProcess.logFile(directory, id).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        layout = layout.withPid(id, process.pid());
        layout.write(directory);
    }

    private void awaitReady(List<NodeId> ids, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        for (NodeId id : ids) {
            while (true) {
                // Liveness by pid, not state(): until the child has exec'd, its command line is still ours.
                boolean alive = ProcessHandle.of(layout.pids().get(id))
                        .map(ProcessHandle::isAlive)
                        .orElse(false);
                if (!alive) {
                    throw new IllegalStateException(id + " exited while starting; its log ends:\n" + logTail(id));
                }
                Optional<Status> status = control().status(id, Duration.ofMillis(500));
                // Ready means linked to its peers and listening for clients: its front door opens after its links.
                if (status.isPresent()
                        && status.get().serving()
                        && status.get().connectedPeers().size() >= expectedPeers(id)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(id + " did not become ready within " + wait.toSeconds()
                            + " s; its log ends:\n" + logTail(id));
                }
                sleep(50);
            }
        }
    }

    /** Peers a ready node is connected to: every other node that is up and not cut off from it. */
    private int expectedPeers(NodeId id) {
        NetworkFaults faults = layout.faults().getOrDefault(id, NetworkFaults.NONE);
        int expected = 0;
        for (NodeId other : nodes()) {
            if (!other.equals(id)
                    && state(other) != NodeProcessState.DOWN
                    && !faults.blockedTo().contains(other)) {
                expected++;
            }
        }
        return expected;
    }

    private String logTail(NodeId id) {
        try {
            List<String> lines = Files.readAllLines(NodeProcess.logFile(directory, id), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private ControlClient control() {
        if (control == null) {
            control = new ControlClient(layout.addresses(), log);
        }
        return control;
    }

    /** The kernel stops and continues a process a moment after the signal is sent: waits for it (2 s at most). */
    private void awaitState(NodeId id, java.util.function.Predicate<NodeProcessState> reached) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!reached.test(state(id))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(id + " did not reach the state asked within 2 s; it is " + state(id));
            }
            sleep(5);
        }
    }

    private void signal(NodeId id, String signal) {
        if (state(checked(id)) == NodeProcessState.DOWN) {
            throw new IllegalStateException(id + " is not running");
        }
        sendSignal(layout.pids().get(id), signal);
    }

    private static void sendSignal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + signal + " to " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NodeId checked(NodeId id) {
        if (!layout.ports().containsKey(id)) {
            throw new IllegalArgumentException("no node " + id + " in this cluster; its nodes are " + nodes());
        }
        return id;
    }

    private static List<NodeId> plus(List<NodeId> ids, NodeId id) {
        List<NodeId> more = new ArrayList<>(ids);
        if (!more.contains(id)) {
            more.add(id);
        }
        return more;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
