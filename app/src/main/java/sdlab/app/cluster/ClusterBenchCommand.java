package sdlab.app.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sdlab.core.NodeId;
import sdlab.core.client.Outcome;
import sdlab.lab.DurationText;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.cluster.ProcessCluster;
import sdlab.runtime.host.ClientHost;
import sdlab.runtime.host.ControlMessages.Status;

/**
 * {@code sdlab bench cluster}: the quorum store (or Raft) as real processes over loopback, 3 and 5 nodes:
 * operations and node messages per second, and operation latency, from closed-loop clients.
 * There is no peer to run beside it; the README puts it beside the simulator's figures for the
 * same store.
 */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description =
                "The quorum store (or --mechanism raft) as node processes on 127.0.0.1 (3 and 5 nodes): operations and messages per"
                        + " second, latency p50/p99, from closed-loop clients over TCP. Counts errors; a row with errors is"
                        + " marked.")
final class ClusterBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--mechanism",
            defaultValue = "quorum",
            description = "quorum (chapter 10's store) or raft (default: ${DEFAULT-VALUE})")
    String mechanismName;

    @Option(names = "--variant", description = "quorum: chapter 10 variant (default: n3r2w2)")
    String variant;

    @Option(
            names = "--nodes",
            split = ",",
            defaultValue = "3,5",
            description = "cluster sizes to measure (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;

    @Option(names = "--clients", defaultValue = "16", description = "closed-loop clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--time", defaultValue = "10s", description = "measured time per size (default: ${DEFAULT-VALUE})")
    String time;

    @Option(names = "--warmup", defaultValue = "3s", description = "unmeasured time first (default: ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--read-share", defaultValue = "0.5", description = "share of reads (default: ${DEFAULT-VALUE})")
    double readShare;

    /** One size's figures. */
    record Row(int nodes, long ops, long errors, double seconds, long nodeFrames, Histogram latency) {
        double opsPerSecond() {
            return ops / seconds;
        }

        double messagesPerSecond() {
            return nodeFrames / seconds;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Duration measured = duration("--time", time);
        Duration unmeasured = duration("--warmup", warmup);
        Map<String, String> options = variant == null ? Map.of() : Map.of("variant", variant);
        ClusterMechanism mechanism;
        try {
            mechanism = ClusterMechanisms.resolve(mechanismName, options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (mechanism instanceof LogClusterMechanism) {
            throw new ParameterException(
                    spec.commandLine(), "'bench cluster' has no workload for the log yet; " + mechanism.clientHelp());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "sdlab bench cluster: %s, %d clients, %s measured after %s; %d cores, load %.2f at the start%n",
                mechanism.describe(),
                clients,
                time,
                warmup,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(
                "%-6s %10s %14s %12s %10s %10s %8s%n",
                "nodes", "ops/s", "node msgs/s", "msgs per op", "p50 ms", "p99 ms", "errors");
        out.flush();
        boolean clean = true;
        for (int nodes : sizes) {
            Row row = measure(mechanism, options, nodes, unmeasured, measured);
            clean &= row.errors() == 0;
            out.printf(
                    "%-6d %10.0f %14.0f %12.2f %10.2f %10.2f %8d%s%n",
                    nodes,
                    row.opsPerSecond(),
                    row.messagesPerSecond(),
                    row.ops() == 0 ? Double.NaN : (double) row.nodeFrames() / row.ops(),
                    row.latency().getValueAtPercentile(50) / 1e6,
                    row.latency().getValueAtPercentile(99) / 1e6,
                    row.errors(),
                    row.errors() == 0 ? "" : "  (errors: not a figure)");
            out.flush();
        }
        return clean ? 0 : 1;
    }

    private Row measure(ClusterMechanism mechanism, Map<String, String> options, int nodes, Duration warm, Duration run)
            throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("sdlab-bench-cluster-");
        try (ProcessCluster cluster = ProcessCluster.start(
                directory, mechanism.name(), options, nodes, 1, ClusterMechanisms.LAUNCHER, line -> {})) {
            List<ClientHost> hosts = new ArrayList<>();
            try {
                for (int i = 1; i <= clients; i++) {
                    hosts.add(ClientHost.start(
                            NodeId.of("c" + i),
                            cluster.addresses(),
                            mechanism.client(cluster.nodes()),
                            mechanism.family(),
                            i,
                            line -> {}));
                }
                for (ClientHost host : hosts) {
                    while (!host.connectedTo(cluster.nodes())) {
                        Thread.sleep(10);
                    }
                }
                return drive(cluster, hosts, nodes, warm, run);
            } finally {
                hosts.forEach(ClientHost::close);
                cluster.stop();
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    private Row drive(ProcessCluster cluster, List<ClientHost> hosts, int nodes, Duration warm, Duration run)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warm.toNanos();
        long end = measureFrom + run.toNanos();
        Histogram latency = new Histogram(3);
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            ClientHost host = hosts.get(i);
            int process = i;
            threads.add(Thread.ofPlatform().start(() -> {
                Histogram own = new Histogram(3);
                long sequence = 0;
                while (System.nanoTime() < end) {
                    String key = "k" + (sequence % 16);
                    boolean read = (sequence * 0x9E3779B97F4A7C15L >>> 11) % 1000 < readShare * 1000;
                    long began = System.nanoTime();
                    Outcome outcome;
                    try {
                        outcome = host.invoke(process, read ? "read" : "write", key, read ? null : sequence)
                                .get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        outcome = Outcome.unknown(e.toString());
                    }
                    long finished = System.nanoTime();
                    sequence++;
                    if (began >= measureFrom && finished <= end) {
                        if (outcome instanceof Outcome.Ok) {
                            own.recordValue(finished - began);
                            ops.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
                synchronized (latency) {
                    latency.add(own);
                }
            }));
        }
        sleepUntil(measureFrom);
        long framesBefore = nodeFrames(cluster);
        sleepUntil(end);
        long framesAfter = nodeFrames(cluster);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Row(nodes, ops.get(), errors.get(), run.toNanos() / 1e9, framesAfter - framesBefore, latency);
    }

    /** Frames every node has sent so far: to peers and to clients. */
    private static long nodeFrames(ProcessCluster cluster) {
        long frames = 0;
        for (NodeId id : cluster.nodes()) {
            frames += cluster.status(id).map(Status::framesSent).orElse(0L);
        }
        return frames;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Duration duration(String option, String text) {
        return DurationText.parse(text)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), option + " needs a duration such as 10s, got '" + text + "'"));
    }
}
