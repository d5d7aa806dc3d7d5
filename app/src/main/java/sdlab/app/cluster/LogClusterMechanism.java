package sdlab.app.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.runtime.cluster.ClusterLayout;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.net.LineLog;
import sdlab.txlog.LogBroker;
import sdlab.txlog.LogController;
import sdlab.txlog.ReplicationConfig;
import sdlab.txlog.ReplicationMessages;
import sdlab.txlog.Retention;
import sdlab.txlog.TxLogConfig;
import sdlab.txlog.server.ClusterKafkaDoor;

/**
 * The replicated log (module {@code txlog}) as a real cluster: brokers n1..nB run the simulator's {@link LogBroker}
 * unchanged, each with a Kafka port for the unmodified Kafka clients, and one more process, n(B+1), runs its
 * {@link LogController}, which stands for Kafka's KRaft controller quorum: it assigns each partition's replicas round
 * robin (partition k's leader is broker k mod B at the start), fences a broker whose heartbeats stop, and elects a new
 * leader from the in-sync set, and (every {@code --leader-imbalance-check-ms}) moves leadership back to each partition's
 * preferred replica once it is in sync again. The controller is one process and has no failover of its own.
 *
 * <p>The simulator's replication timings suit a network of microseconds and no pauses. Real processes on a busy
 * machine pause for hundreds of milliseconds (GC, scheduling) without having failed, so here brokers beat every
 * {@value #HEARTBEAT_MS} ms and are fenced after {@value #SESSION_TIMEOUT_MS} ms of silence (Kafka's defaults are 2 s
 * and 9 s), and a follower leaves the in-sync set after {@value #REPLICA_LAG_MS} ms behind (Kafka's 30 s). A leader
 * holds an idle follower's fetch for {@value #REPLICA_FETCH_WAIT_MAX_MS} ms, Kafka's default.
 */
final class LogClusterMechanism implements ClusterMechanism {
    static final String NAME = "log";

    static final long HEARTBEAT_MS = 250;
    static final long SESSION_TIMEOUT_MS = 3_000;
    static final long REPLICA_LAG_MS = 10_000;
    /** How long a leader holds a fetch that finds nothing new, as {@code replica.fetch.wait.max.ms}. */
    static final long REPLICA_FETCH_WAIT_MAX_MS = 500;
    /** One byte: a fetch is answered as soon as any record arrives, as Kafka's {@code replica.fetch.min.bytes}. */
    private static final int REPLICA_FETCH_MIN_BYTES = 1;
    /**
     * A refused follower (its leader has not heard of the new epoch yet) asks again after this; shorter than Kafka's
     * 1 s so that a failover here is not slowed by it.
     */
    private static final long REPLICA_FETCH_BACKOFF_MS = 100;

    private static final long REPLICA_FETCH_TIMEOUT_MS = 2_000;
    private static final int RECORDS_PER_PARTITION_MAX = 1_000_000;
    private static final int TRANSACTIONS_MAX = 1000;
    private static final long TIMEOUT_CHECK_MS = 100;
    private static final long TRANSACTION_TIMEOUT_MS_MAX = 900_000;
    /**
     * A transaction's marker not confirmed by its partition's leader within this is sent again, to the leader of the
     * moment: longer than a loaded machine's pauses, shorter than the session timeout that elects a new leader.
     */
    private static final long MARKER_RETRY_MS = 1_000;

    private final LogClusterOptions options;
    private final List<NodeId> brokers;
    private final NodeId controller;
    private final TxLogConfig config;

    private LogClusterMechanism(LogClusterOptions options) {
        this.options = options;
        this.brokers = java.util.stream.IntStream.rangeClosed(1, options.brokers())
                .mapToObj(i -> NodeId.of("n" + i))
                .toList();
        this.controller = NodeId.of("n" + (options.brokers() + 1));
        ReplicationConfig replication = new ReplicationConfig(
                controller,
                brokers,
                options.replicationFactor(),
                options.minInsync(),
                REPLICA_LAG_MS,
                REPLICA_FETCH_WAIT_MAX_MS,
                REPLICA_FETCH_MIN_BYTES,
                REPLICA_FETCH_BACKOFF_MS,
                REPLICA_FETCH_TIMEOUT_MS,
                HEARTBEAT_MS,
                SESSION_TIMEOUT_MS,
                false,
                options.leaderImbalanceCheckMs());
        this.config = new TxLogConfig(
                options.partitionsByTopic(),
                RECORDS_PER_PARTITION_MAX,
                TRANSACTIONS_MAX,
                TIMEOUT_CHECK_MS,
                TRANSACTION_TIMEOUT_MS_MAX,
                MARKER_RETRY_MS,
                replication,
                Retention.unlimited(),
                options.nodeBug());
    }

    static LogClusterMechanism fromOptions(Map<String, String> options) {
        return new LogClusterMechanism(LogClusterOptions.parse(options));
    }

    /** How many node processes the options ask for: the brokers and the controller. */
    int nodeCount() {
        return options.nodeCount();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "replicated log (Kafka protocol): brokers %s-%s, controller %s; topic%s %s with %d partition%s,"
                        .formatted(
                                brokers.getFirst(),
                                brokers.getLast(),
                                controller,
                                options.topics().size() == 1 ? "" : "s",
                                String.join(",", options.topics()),
                                options.partitions(),
                                options.partitions() == 1 ? "" : "s")
                + " replication factor %d, min.insync.replicas %d; %s; Kafka ports from %d"
                        .formatted(
                                options.replicationFactor(),
                                options.minInsync(),
                                options.leaderImbalanceCheckMs() == 0
                                        ? "leaders stay where elections put them"
                                        : "leaders move back to preferred replicas every "
                                                + options.leaderImbalanceCheckMs() + " ms",
                                options.clientPort());
    }

    @Override
    public Class<? extends Message> family() {
        return ReplicationMessages.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        return id -> id.equals(controller) ? new LogController(config) : new LogBroker(config);
    }

    /** Kafka clients reach the brokers through their Kafka ports; there is no client of the node family. */
    @Override
    public Client client(List<NodeId> nodes) {
        throw new UnsupportedOperationException(clientHelp());
    }

    @Override
    public ClientCommand parse(List<String> words) {
        return new ClientCommand.Invalid(clientHelp());
    }

    @Override
    public String clientHelp() {
        return "the log speaks Kafka's protocol: use a Kafka client (kafka-clients 4.x) with bootstrap.servers="
                + ClusterLayout.HOST + ":" + options.clientPort() + " or any of the ports 'sdlab cluster status' lists";
    }

    @Override
    public AutoCloseable openFrontDoor(NodeHost host, int index, LineLog log) throws IOException {
        if (index >= brokers.size()) {
            return () -> {};
        }
        ClusterKafkaDoor door = ClusterKafkaDoor.open(
                host,
                brokers,
                ClusterLayout.HOST,
                options.clientPort(),
                options.partitionsByTopic(),
                options.doorBug());
        log.line(host.id() + " serves Kafka clients on " + ClusterLayout.HOST + ":" + door.port());
        return door;
    }

    @Override
    public Optional<String> frontDoor(int index) {
        if (index < brokers.size()) {
            return Optional.of("kafka " + ClusterLayout.HOST + ":" + (options.clientPort() + index) + " (broker id "
                    + (index + 1) + ")");
        }
        return Optional.of("controller (no client port)");
    }

    LogClusterOptions options() {
        return options;
    }
}
