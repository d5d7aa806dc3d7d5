package sdlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import sdlab.core.Disk;
import sdlab.core.Node;
import sdlab.core.NodeFactory;
import sdlab.core.NodeId;
import sdlab.core.client.Client;

/**
 * One deterministic run of nodes and clients over a simulated network, with faults and a
 * workload. Build it with {@link #builder(long)}, then {@link #run(Duration)} it once:
 *
 * <pre>{@code
 * SimResult result = Simulation.builder(42)
 *         .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5))))
 *         .addNode(NodeId.of("n1"), id -> new MyNode())
 *         .addClient(NodeId.of("c1"), new MyClient())
 *         .faults(FaultPlan.builder().crash(Duration.ofSeconds(1), NodeId.of("n1"), Duration.ofSeconds(2)).build())
 *         .workload(Workload.closedLoop(List.of(NodeId.of("c1")), generator, 100, Latency.constant(Duration.ZERO)))
 *         .build()
 *         .run(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>The same seed with the same inputs gives the same trace, trace hash and history.
 */
public final class Simulation {

    /** The default safety bound on events per run. */
    public static final long EVENT_LIMIT_DEFAULT = 200_000_000L;

    private final SimSpec spec;
    private Engine engine;

    private Simulation(SimSpec spec) {
        this.spec = spec;
    }

    /** A builder for a run with the given seed. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /**
     * Runs until the workload is done and all its operations completed, or until {@code
     * maxVirtualTime} of virtual time, whichever comes first; without a workload, until
     * {@code maxVirtualTime} or until nothing is left to happen. One run per object.
     *
     * @throws SimulationException naming the seed, if a node, client or generator throws or the
     *     run exceeds its event limit
     */
    public SimResult run(Duration maxVirtualTime) {
        if (maxVirtualTime == null || maxVirtualTime.isNegative()) {
            throw new IllegalArgumentException("maxVirtualTime must be a non-negative duration, got " + maxVirtualTime);
        }
        if (engine != null) {
            throw new IllegalStateException("a Simulation runs once; build another for seed " + spec.seed());
        }
        engine = new Engine(spec);
        return engine.run(maxVirtualTime.toNanos());
    }

    public long seed() {
        return spec.seed();
    }

    /** The live object of node {@code id} after (or during) the run; empty while it is down or before the run. */
    public Optional<Node> node(NodeId id) {
        if (engine != null && engine.endpointOrNull(id) instanceof NodeEndpoint node) {
            return Optional.ofNullable(node.node());
        }
        return Optional.empty();
    }

    /**
     * The live object of node {@code id} once the run is over, for a measurement that reads its state at the end. A
     * fork can leave a node down when the run ends (crashed for longer than the run had left), and that is the
     * asker's choice, so it is refused with a {@link ForkException} that says so; a node down at the end of a run no
     * fork changed is the scenario's own mistake.
     */
    public Node nodeAtEnd(NodeId id) {
        Optional<Node> node = node(id);
        if (node.isPresent()) {
            return node.get();
        }
        if (engine == null) {
            throw new IllegalStateException("the run has not happened yet, so " + id + " has no state to read");
        }
        if (!spec.steering().forks().isEmpty()) {
            throw new ForkException("a fork left " + id + " down when the run ended, and this chapter measures its"
                    + " state at the end; crash it earlier or for less time");
        }
        throw new IllegalStateException(id + " was down when seed " + spec.seed() + " ended");
    }

    /** The disk of node or client {@code id} as its reads see it; empty before the run. */
    public Optional<Disk> disk(NodeId id) {
        if (engine == null || engine.endpointOrNull(id) == null) {
            return Optional.empty();
        }
        return Optional.of(engine.endpointOrNull(id).disk());
    }

    /** Collects the inputs of a run. */
    public static final class Builder {
        private final long seed;
        private NetworkConfig network = NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1)));
        private DiskConfig disk = DiskConfig.defaults();
        private final Map<NodeId, NodeFactory> nodes = new LinkedHashMap<>();
        private final Map<NodeId, Client> clients = new LinkedHashMap<>();
        private FaultPlan faults = FaultPlan.none();
        private Workload workload;
        private boolean recordTrace;
        private boolean hashTrace = true;
        private long eventLimit = EVENT_LIMIT_DEFAULT;
        private final List<ScheduledAction> actions = new ArrayList<>();
        private final List<Invariant> invariants = new ArrayList<>();
        private Steering steering = Steering.NONE;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** The network; by default reliable with a constant 1 ms latency. */
        public Builder network(NetworkConfig config) {
            this.network = Objects.requireNonNull(config, "network");
            return this;
        }

        /** The disks' behaviour; by default {@link DiskConfig#defaults()}. */
        public Builder disk(DiskConfig config) {
            this.disk = Objects.requireNonNull(config, "disk");
            return this;
        }

        /** A node, made by {@code factory} at the start and again after each restart. */
        public Builder addNode(NodeId id, NodeFactory factory) {
            requireNewId(id);
            nodes.put(id, Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * A client; it never crashes. Nodes and clients share one namespace and one network.
         * The client object is used as it is, so give each simulation its own.
         */
        public Builder addClient(NodeId id, Client client) {
            requireNewId(id);
            clients.put(id, Objects.requireNonNull(client, "client"));
            return this;
        }

        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "faults");
            return this;
        }

        public Builder workload(Workload newWorkload) {
            this.workload = Objects.requireNonNull(newWorkload, "workload");
            return this;
        }

        /** Whether to keep every event for {@link SimResult#trace()}; the hash is computed either way. */
        public Builder recordTrace(boolean record) {
            this.recordTrace = record;
            return this;
        }

        /**
         * Whether to compute {@link SimResult#traceHash()}: on unless turned off here, and then the hash is 0. A run
         * whose trace and hash nobody reads, such as one of the many lean runs of a sweep, turns it off: hashing
         * every message and event was a tenth of such a run's time. It changes nothing else about the run.
         */
        public Builder hashTrace(boolean hash) {
            this.hashTrace = hash;
            return this;
        }

        /** A safety bound: the run stops with a {@link SimulationLimitException} after this many events. */
        public Builder eventLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("eventLimit must be positive, got " + limit);
            }
            this.eventLimit = limit;
            return this;
        }

        /**
         * Runs {@code action} once at virtual time {@code at}: for faults that depend on the
         * run's state (crash the current leader) or for one-off observations.
         */
        public Builder at(Duration at, Consumer<SimControl> action) {
            requireNonNegative(at, "at");
            actions.add(new ScheduledAction(at.toNanos(), 0, Objects.requireNonNull(action, "action")));
            return this;
        }

        /**
         * Runs {@code action} every {@code period} of virtual time, first at {@code period}: for
         * sampling state (replica lag, queue depth) during a run. Without a workload the run
         * then lasts until its maximum virtual time.
         */
        public Builder every(Duration period, Consumer<SimControl> action) {
            requireNonNegative(period, "period");
            if (period.isZero()) {
                throw new IllegalArgumentException("period must be positive");
            }
            long periodNanos = period.toNanos();
            actions.add(new ScheduledAction(periodNanos, periodNanos, Objects.requireNonNull(action, "action")));
            return this;
        }

        /**
         * Checks {@code check} after every event: it looks at the live nodes and throws (with a
         * message saying what broke) when the safety property {@code name} does not hold; the run
         * then stops with an {@link InvariantViolation} naming the invariant, the event number and
         * the seed. Invariants run in the order they were added. A check may keep state between
         * events (everything it has seen so far), so give each simulation its own. Without
         * invariants the run pays nothing for this.
         */
        public Builder invariant(String name, Consumer<LiveNodes> check) {
            invariants.add(new Invariant(name, check));
            return this;
        }

        /**
         * Changes the run by hand at the forks' steps (a learner's "what if this message were lost") and looks at its
         * nodes at the inspections' steps. A forked run is the seed's own up to each step, then goes its own way; an
         * inspected run stops after its last inspection. Steps index the trace, so the trace must be recorded. A fork
         * whose message is not in flight at its step, or a fork or inspection whose step the run never reaches, stops
         * the run with a {@link ForkException} that says so.
         */
        public Builder steer(Steering steer) {
            this.steering = java.util.Objects.requireNonNull(steer, "steering");
            return this;
        }

        public Simulation build() {
            if (!steering.isEmpty() && !recordTrace) {
                throw new IllegalStateException(
                        "forks and inspections are made at trace steps, so the run must record its trace");
            }
            for (NodeId id : faults.nodes()) {
                if (!nodes.containsKey(id) && !clients.containsKey(id)) {
                    throw new IllegalArgumentException(
                            "the fault plan names " + id + ", which is not a node or client");
                }
            }
            for (FaultEvent event : faults.events()) {
                if (event.kind() == FaultEvent.Kind.CRASH
                        && !nodes.containsKey(event.nodes().getFirst())) {
                    throw new IllegalArgumentException("the fault plan crashes "
                            + event.nodes().getFirst() + ", but only nodes crash, not clients");
                }
            }
            if (workload != null) {
                for (NodeId id : workload.clients()) {
                    if (!clients.containsKey(id)) {
                        throw new IllegalArgumentException("the workload runs on " + id + ", which is not a client");
                    }
                }
            }
            return new Simulation(new SimSpec(
                    seed,
                    network,
                    disk,
                    new LinkedHashMap<>(nodes),
                    new LinkedHashMap<>(clients),
                    faults,
                    workload,
                    recordTrace,
                    hashTrace,
                    eventLimit,
                    List.copyOf(actions),
                    List.copyOf(invariants),
                    steering));
        }

        private static void requireNonNegative(Duration duration, String name) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be a non-negative duration, got " + duration);
            }
        }

        private void requireNewId(NodeId id) {
            Objects.requireNonNull(id, "id");
            if (nodes.containsKey(id) || clients.containsKey(id)) {
                throw new IllegalArgumentException(id + " was added twice; node and client ids must be distinct");
            }
        }
    }
}
