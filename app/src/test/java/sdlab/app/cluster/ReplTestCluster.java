package sdlab.app.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import sdlab.core.NodeId;
import sdlab.runtime.cluster.ProcessCluster;

/**
 * A real {@code repl} cluster for tests: node processes as {@code sdlab cluster start repl} runs them, RESP ports
 * on a free range, and the questions tests ask of it over RESP (who is primary, does it take writes).
 */
final class ReplTestCluster implements AutoCloseable {
    static final NodeId N1 = NodeId.of("n1");
    static final NodeId N2 = NodeId.of("n2");
    static final NodeId N3 = NodeId.of("n3");
    static final NodeId LEASE = NodeId.of("n4");
    static final NodeId MANAGER = NodeId.of("n5");
    static final List<NodeId> STORE = List.of(N1, N2, N3);
    /** The first replica added to the running cluster ({@code sdlab cluster repl add}). */
    static final NodeId ADDED = NodeId.of("n6");
    /** Ports kept free from the base: the store's, the two that n4 and n5 would have, and the added replica's. */
    private static final int PORTS_KEPT = 6;
    /**
     * How long the primary may take to get its lease and acknowledge a first write after the processes answer: a
     * bound, not a figure; five JVMs starting on a loaded 2-core machine once took more than 20 s.
     */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    final ProcessCluster processes;
    private final int portBase;

    private ReplTestCluster(ProcessCluster processes, int portBase) {
        this.processes = processes;
        this.portBase = portBase;
    }

    /** Starts a primary, two replicas, the lease service and the manager with {@code options}, and waits for writes. */
    static ReplTestCluster start(Path directory, Map<String, String> options) throws Exception {
        int portBase = freePortRange(PORTS_KEPT);
        Map<String, String> all = new HashMap<>(options);
        all.put("replicas", "2");
        all.put("client-port", Integer.toString(portBase));
        ReplClusterMechanism mechanism = ReplClusterMechanism.fromOptions(all);
        ProcessCluster processes = ProcessCluster.start(
                directory,
                ReplClusterMechanism.NAME,
                all,
                mechanism.nodeCount(),
                7,
                ClusterMechanisms.LAUNCHER,
                line -> {});
        ReplTestCluster cluster = new ReplTestCluster(processes, portBase);
        if (cluster.awaitWritablePrimary(List.of(N1), STARTUP_WAIT).isEmpty()) {
            cluster.close();
            throw new IllegalStateException("n1 took no write within " + STARTUP_WAIT.toSeconds() + " s of starting");
        }
        return cluster;
    }

    /** The RESP port of node nK: the base + K - 1, as the doors number them. */
    int port(NodeId node) {
        return portBase + Integer.parseInt(node.name().substring(1)) - 1;
    }

    /** One command on a fresh connection to {@code node}. */
    Object call(NodeId node, String... args) throws IOException {
        try (RespTestClient client = new RespTestClient(port(node))) {
            return client.call(args);
        }
    }

    /** A field of {@code node}'s INFO replication, or null. */
    String info(NodeId node, String field) throws IOException {
        String text = (String) call(node, "INFO", "replication");
        return text.lines()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> line.substring(field.length() + 1))
                .findFirst()
                .orElse(null);
    }

    /** The first of {@code candidates} that acknowledges a probe write, polled until {@code max} has passed. */
    Optional<NodeId> awaitWritablePrimary(List<NodeId> candidates, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            for (NodeId node : candidates) {
                try {
                    if ("OK".equals(call(node, "SET", "probe", "1"))) {
                        return Optional.of(node);
                    }
                } catch (IOException notYet) {
                    // down, or not listening yet
                }
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        processes.stop();
        processes.close();
    }

    /** A start of {@code count} consecutive free ports, found by binding each. */
    static int freePortRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below Linux's ephemeral range (32768 and up): the cluster's own transport listens and connects on
            // ephemeral ports, and one of them once took a port of a range found free here before n3 bound it.
            int base = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                try (ServerSocket socket = new ServerSocket(base + i, 1, java.net.InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free ports found");
    }
}
