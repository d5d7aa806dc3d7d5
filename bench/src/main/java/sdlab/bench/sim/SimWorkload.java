package sdlab.bench.sim;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.chapters.quorum.ReadWriteGenerator;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.kv.quorum.QuorumCluster;
import sdlab.kv.quorum.QuorumConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One fixed-size simulation of the quorum store that the throughput benchmark repeats: a
 * cluster, closed-loop clients doing reads and writes, a reliable network with log-normal
 * latency, no faults and no recorded trace (the trace hash is still computed, as in every run).
 *
 * @param name how reports call it
 * @param config the quorum store's configuration
 * @param nodeCount nodes in the cluster
 * @param clientCount client processes, each running one operation at a time
 * @param opsPerClient operations each client runs in one simulation
 * @param keyCount keys the operations spread over, uniformly
 * @param readShare share of operations that are reads
 * @param latencyMedian median one-way network latency
 * @param latencySigma spread of the log-normal latency
 * @param thinkTimeMax a client waits uniformly between zero and this between its operations
 */
public record SimWorkload(
        String name,
        QuorumConfig config,
        int nodeCount,
        int clientCount,
        int opsPerClient,
        int keyCount,
        double readShare,
        Duration latencyMedian,
        double latencySigma,
        Duration thinkTimeMax) {

    /** Name of {@link #quorum()}. */
    public static final String QUORUM = "quorum";

    /** Name of {@link #messageHeavy()}. */
    public static final String MESSAGE_HEAVY = "message-heavy";

    /** Whatever happens, a run ends after this much virtual time; the workloads need far less. */
    private static final Duration VIRTUAL_TIME_MAX = Duration.ofHours(24);

    public SimWorkload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(latencyMedian, "latencyMedian");
        Objects.requireNonNull(thinkTimeMax, "thinkTimeMax");
        if (nodeCount < config.n() || clientCount < 1 || opsPerClient < 1 || keyCount < 1) {
            throw new IllegalArgumentException("a workload needs at least n=" + config.n()
                    + " nodes and one client, operation and key; got " + nodeCount + " nodes, " + clientCount
                    + " clients, " + opsPerClient + " operations per client, " + keyCount + " keys");
        }
        if (!(readShare >= 0 && readShare <= 1)) {
            throw new IllegalArgumentException("readShare must be in [0, 1], got " + readShare);
        }
    }

    /**
     * Chapter 10's shape without its faults: (N, R, W) = (5, 3, 3) on 5 nodes, 5 clients that
     * think up to 20 ms between operations, 2 ms median latency, half reads over 2 keys. Most of
     * its virtual time is clients thinking and messages in flight, so it shows the ratio of
     * virtual to wall time of a typical experiment.
     */
    public static SimWorkload quorum() {
        return new SimWorkload(
                QUORUM,
                QuorumConfig.of(5, 3, 3),
                5,
                5,
                2_000,
                2,
                0.5,
                Duration.ofMillis(2),
                0.5,
                Duration.ofMillis(20));
    }

    /**
     * The same store driven hard: 64 clients with no think time over 16 keys, so the event queue
     * always holds hundreds of messages and the deliveries per second measure the simulator and
     * the node logic rather than idle virtual time.
     */
    public static SimWorkload messageHeavy() {
        return new SimWorkload(
                MESSAGE_HEAVY, QuorumConfig.of(5, 3, 3), 5, 64, 200, 16, 0.5, Duration.ofMillis(2), 0.5, Duration.ZERO);
    }

    /** The built-in workloads, in the order reports list them. */
    public static List<SimWorkload> all() {
        return List.of(quorum(), messageHeavy());
    }

    /** The built-in workload called {@code name}. */
    public static Optional<SimWorkload> byName(String name) {
        return all().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** This workload with another number of operations per client (a shorter or longer round). */
    public SimWorkload withOpsPerClient(int ops) {
        return new SimWorkload(
                name,
                config,
                nodeCount,
                clientCount,
                ops,
                keyCount,
                readShare,
                latencyMedian,
                latencySigma,
                thinkTimeMax);
    }

    /** A fresh simulation of this workload; the seed fixes every latency and every key chosen. */
    public Simulation simulation(long seed) {
        List<NodeId> nodes = QuorumCluster.nodeIds(nodeCount);
        List<NodeId> clients = QuorumCluster.clientIds(clientCount);
        Simulation.Builder sim = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(latencyMedian, latencySigma)))
                .workload(Workload.closedLoop(
                        clients,
                        new ReadWriteGenerator(keyCount, readShare, clientCount),
                        opsPerClient,
                        Latency.uniform(Duration.ZERO, thinkTimeMax)))
                .recordTrace(false);
        NodeFactory factory = QuorumCluster.nodeFactory(config, nodes);
        nodes.forEach(node -> sim.addNode(node, factory));
        clients.forEach(client -> sim.addClient(client, QuorumCluster.client(config, nodes)));
        return sim.build();
    }

    /** The most virtual time a run of this workload may take. */
    public static Duration virtualTimeMax() {
        return VIRTUAL_TIME_MAX;
    }
}
