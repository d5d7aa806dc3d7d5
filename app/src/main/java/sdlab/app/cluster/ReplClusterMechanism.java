package sdlab.app.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sdlab.core.Message;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;
import sdlab.repl.FailoverManager;
import sdlab.repl.HealthCheck;
import sdlab.repl.JoinOperator;
import sdlab.repl.LeaseNode;
import sdlab.repl.LeaseSettings;
import sdlab.repl.ReadReplicaSettings;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplFamily;
import sdlab.repl.ReplNode;
import sdlab.repl.ReplObserver;
import sdlab.repl.server.DoorSettings;
import sdlab.repl.server.ReplRespDoor;
import sdlab.runtime.cluster.ClusterMechanism;
import sdlab.runtime.host.NodeHost;
import sdlab.runtime.net.LineLog;

/**
 * The replicated store (module {@code repl}) as a real cluster: the primary n1 and its replicas run the simulator's
 * {@link ReplNode} unchanged, each with a RESP port for redis-cli ({@link ReplRespDoor}). With failover (the
 * default), two more processes run the simulator's {@link LeaseNode} and {@link FailoverManager}: the primary holds
 * a lease and stops taking writes when it cannot renew it, and the manager promotes the most advanced replica once
 * the lease has run out. So a primary that is only cut off from the manager is not replaced, and a replaced one has
 * stopped taking new writes before its successor starts; the commits it had in flight may still complete, unless the
 * replicas check the lease's fencing token ({@code --failover lease-fenced}, with {@code --mode sync}: chapter 12's
 * fenced variant), which refuses the deposed primary's shipments and so its commits.
 *
 * <p>The manager's check is chapter 12's choice ({@code --health}): the lease (the default), a port check that makes
 * a real TCP connection to the primary's RESP port ({@link KernelPortProbe}: the kernel completes it, so a stopped
 * process passes), or a query check that writes a heartbeat key through the primary (which, under semi-sync with the
 * replicas cut off, waits out the semi-sync timeout and looks like a dead primary). Whatever the check, the primary
 * still holds the lease and stops taking writes when it cannot renew it.
 */
final class ReplClusterMechanism implements ClusterMechanism {
    static final String NAME = "repl";

    /** A lease of 2 s renewed every 400 ms: a real process may stall (GC, a busy machine) for far less than that. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(2);

    private static final Duration LEASE_RENEW = Duration.ofMillis(400);
    /** Clocks of one machine drift apart by far less than 1%. */
    private static final long DRIFT_BOUND_PPM = 10_000;

    private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
    /**
     * How long the manager leaves a primary unchecked when it starts and after a promotion: the time a primary takes to
     * be granted the lease (the old holder's TTL, a renewal) with room for processes that start slowly on a busy
     * machine, where five JVMs may take seconds to come up.
     */
    private static final Duration MANAGER_GRACE = Duration.ofSeconds(5);

    /**
     * How the store's nodes send a snapshot to a replica added later ({@code sdlab cluster repl add}): 1,000 keys a
     * chunk, each written and synced by the joiner before the next is sent, and no pacing of the node's own: the real
     * link and disk set the pace, where chapter 8's simulated link is a throughput figure. No page cache either: every
     * key is in memory, as in the cluster's nodes so far.
     */
    private static final ReadReplicaSettings SNAPSHOTS =
            new ReadReplicaSettings(false, 1, 1_000, Long.MAX_VALUE / 1_000_000_000L, 0, 0, 1);

    private static final int CHECK_FAILURES_MAX = 2;
    private static final Duration COLLECT_WAIT = Duration.ofSeconds(1);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
    /** How often the join's operator asks who is primary, or how far the joiner is. */
    private static final Duration JOIN_POLL = Duration.ofMillis(20);

    private final ReplClusterOptions options;
    private final List<NodeId> store;
    /** The store node this process runs, once the factory made it: what its RESP door reports on. */
    private ReplNode localNode;

    private ReplClusterMechanism(ReplClusterOptions options) {
        this.options = options;
        this.store = ReplClusterOptions.storeNodes(options.replicas());
    }

    static ReplClusterMechanism fromOptions(Map<String, String> options) {
        return new ReplClusterMechanism(ReplClusterOptions.parse(options));
    }

    /** How many node processes the options ask for: the store's, and the lease service and manager. */
    int nodeCount() {
        return options.nodeCount();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        ReplConfig config = options.config();
        String waits = config.waitsForReplicas()
                ? " (" + config.acksRequired() + " ack" + (config.acksRequired() == 1 ? "" : "s")
                        + (config.mode() == ReplConfig.Mode.SEMI_SYNC
                                ? ", timeout " + config.timeoutNanosSemiSync() / 1_000_000 + " ms"
                                : "")
                        + ")"
                : "";
        String failover = options.failover()
                ? "failover by " + (options.fenced() ? "fenced " : "") + "lease (" + leaseNode() + " lease service, "
                        + managerNode() + " manager, "
                        + options.health().name().toLowerCase(Locale.ROOT) + " health check)"
                : "no failover";
        return "replicated store: primary %s, replicas %s, %s%s, %s, RESP ports from %d"
                .formatted(
                        store.getFirst(),
                        String.join(
                                ",",
                                store.subList(1, store.size()).stream()
                                        .map(NodeId::name)
                                        .toList()),
                        config.modeName(),
                        waits,
                        failover,
                        options.respPortBase());
    }

    @Override
    public Class<? extends Message> family() {
        return ReplFamily.class;
    }

    @Override
    public NodeFactory nodeFactory(List<NodeId> nodes) {
        LeaseSettings lease = options.failover() ? leaseSettings() : null;
        return id -> {
            if (id.equals(leaseNode()) && options.failover()) {
                return new LeaseNode(lease);
            }
            if (id.equals(managerNode()) && options.failover()) {
                return new FailoverManager(
                        managerSettings(),
                        MANAGER_GRACE.toNanos(),
                        options.config().bug());
            }
            // A node beyond the layout the cluster started with was added to it: it joins from a snapshot.
            ReadReplicaSettings readSide = added(nodes.indexOf(id)) ? SNAPSHOTS.joiningLate() : SNAPSHOTS;
            ReplNode node = new ReplNode(options.config(), ReplObserver.NONE, lease, readSide);
            localNode = node;
            return node;
        };
    }

    @Override
    public Client client(List<NodeId> nodes) {
        return client(nodes, store);
    }

    /**
     * A client that starts at the first store node still running (n1 unless it was killed) and follows a replica's
     * refusal to the primary it names, within the same write: after a failover, `cluster client repl set` reaches the
     * new primary without being told which it is. A node that does not answer moves the next operation to the next.
     */
    @Override
    public Client client(List<NodeId> nodes, List<NodeId> running) {
        NodeId first = store.stream().filter(running::contains).findFirst().orElse(store.getFirst());
        List<NodeId> others = store.stream().filter(node -> !node.equals(first)).toList();
        return new ReplClient(ReplClient.Settings.atPrimary(first, CLIENT_TIMEOUT.toNanos())
                .withAlternates(others, 0)
                .withHintsFollowed());
    }

    @Override
    public ClientCommand parse(List<String> words) {
        if (words.isEmpty()) {
            return new ClientCommand.Invalid("no command; " + clientHelp());
        }
        return switch (words.getFirst().toLowerCase(Locale.ROOT)) {
            case "set", "put", "write" ->
                words.size() == 3
                        ? new ClientCommand.Invoke(ReplClient.WRITE, words.get(1), words.get(2))
                        : new ClientCommand.Invalid("usage: set KEY VALUE");
            case "get", "read" ->
                words.size() == 2
                        ? new ClientCommand.Invoke(ReplClient.READ, words.get(1), null)
                        : new ClientCommand.Invalid("usage: get KEY");
            default -> new ClientCommand.Invalid("unknown command '" + words.getFirst() + "'; " + clientHelp());
        };
    }

    @Override
    public String clientHelp() {
        return "redis-cli -p " + options.respPortBase() + " (the primary at the start; SET, GET, INCRBY, DEL, WAIT,"
                + " INFO replication, ROLE), or 'sdlab cluster client repl set k v' / 'get k' (to the first running node;"
                + " a replica's refusal leads a write on to the primary it names)";
    }

    @Override
    public AutoCloseable openFrontDoor(NodeHost host, int index, LineLog log) throws IOException {
        if (options.failover()
                && options.health() == ReplClusterOptions.Health.PORT
                && host.id().equals(managerNode())) {
            log.line(host.id() + " checks the primary's RESP port over TCP");
            return KernelPortProbe.attach(host, options.respPortBase());
        }
        if (index >= store.size() && !added(index)) {
            return () -> {};
        }
        ReplConfig config = options.config();
        DoorSettings settings = new DoorSettings(
                store,
                options.respPortBase(),
                config.modeName(),
                config.acksRequired(),
                config.timeoutNanosSemiSync() / 1_000_000,
                options.doorBug());
        ReplRespDoor door = ReplRespDoor.open(host, localNode, settings);
        log.line(host.id() + " serves RESP clients on 127.0.0.1:" + door.port());
        return door;
    }

    @Override
    public Optional<String> frontDoor(int index) {
        if (index < store.size() || added(index)) {
            return Optional.of(
                    "resp 127.0.0.1:" + (options.respPortBase() + index) + (added(index) ? " (added replica)" : ""));
        }
        return Optional.of(index == store.size() ? "lease service" : "failover manager");
    }

    ReplClusterOptions options() {
        return options;
    }

    /** Whether node number {@code index} (0-based, in the layout's order) is one of the store's from the start. */
    boolean startedInStore(int index) {
        return index < store.size();
    }

    /** Whether node number {@code index} (0-based, in the layout's order) was added after the start: a replica. */
    boolean added(int index) {
        return index >= options.nodeCount();
    }

    /**
     * The operator that makes the added node {@code joiner} join the store's primary, whichever it is now (among the
     * store's nodes from the start and those added before, in {@code nodes}, the layout's), and waits until it is ready
     * or {@code timeout} has passed. With failover it first registers the joiner with the manager, which from then on
     * counts it as a candidate for promotion.
     */
    JoinOperator joinOperator(NodeId joiner, List<NodeId> nodes, Duration timeout) {
        List<NodeId> storeNow = nodes.stream()
                .filter(node -> !node.equals(joiner))
                .filter(node -> startedInStore(nodes.indexOf(node)) || added(nodes.indexOf(node)))
                .toList();
        NodeId manager = options.failover() ? managerNode() : null;
        return new JoinOperator(
                new JoinOperator.Settings(joiner, storeNow, JOIN_POLL.toNanos(), timeout.toNanos(), manager));
    }

    private NodeId leaseNode() {
        return NodeId.of("n" + (store.size() + 1));
    }

    private NodeId managerNode() {
        return NodeId.of("n" + (store.size() + 2));
    }

    /**
     * The manager's check. The port check probes each store node's listener, answered by {@link KernelPortProbe} with
     * a real connection; the query check writes a heartbeat key through the primary over the store's own messages. A
     * promoted node passes the lease and query checks only once it holds the lease, hence the grace; its port is open
     * at once.
     */
    private HealthCheck healthCheck() {
        return switch (options.health()) {
            case LEASE -> new HealthCheck.Lease(leaseNode(), MANAGER_GRACE.toNanos());
            case PORT -> new HealthCheck.Port(KernelPortProbe::listenerOf);
            case QUERY -> new HealthCheck.Query(MANAGER_GRACE.toNanos());
        };
    }

    private LeaseSettings leaseSettings() {
        return new LeaseSettings(
                leaseNode(), LEASE_TTL.toNanos(), LEASE_RENEW.toNanos(), DRIFT_BOUND_PPM, options.fenced());
    }

    /**
     * The manager promotes only once enough replicas answered to include one that holds every acknowledged commit:
     * with k acknowledgements of n replicas, n - k + 1 of them; asynchronous commits wait for none, so one suffices.
     * Each replica added later ({@code cluster repl add}) makes the manager wait for one answer more.
     */
    private FailoverManager.Settings managerSettings() {
        ReplConfig config = options.config();
        int replicas = store.size() - 1;
        int answersMin = config.waitsForReplicas() ? replicas - config.acksRequired() + 1 : 1;
        return new FailoverManager.Settings(
                store.getFirst(),
                store,
                List.of(),
                healthCheck(),
                CHECK_INTERVAL.toNanos(),
                CHECK_FAILURES_MAX,
                COLLECT_WAIT.toNanos(),
                answersMin);
    }
}
