package sdlab.chapters.repl.failover;

import static sdlab.chapters.repl.failover.FailoverCluster.LEASE;
import static sdlab.chapters.repl.failover.FailoverCluster.MANAGER;
import static sdlab.chapters.repl.failover.FailoverCluster.NODES;
import static sdlab.chapters.repl.failover.FailoverCluster.PRIMARY;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.repl.FailoverManager;
import sdlab.repl.HealthCheck;
import sdlab.repl.LeaseNode;
import sdlab.repl.LeaseSettings;
import sdlab.repl.PortListener;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplNode;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 12: the primary meets the seed's fault ({@link FailoverFaults}) while the clients write and the
 * manager watches it with the variant's check; the run goes on long enough after the fault for the old primary to
 * rejoin and discard what its successor lacks.
 */
final class FailoverScenario {
    private static final Duration ONE_WAY_MEDIAN = Duration.ofNanos(250_000);
    private static final double ONE_WAY_SIGMA = 0.5;
    private static final Duration SYNC_MIN = Duration.ofMillis(1);
    private static final Duration SYNC_MAX = Duration.ofMillis(3);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(200);
    private static final Duration COLLECT = Duration.ofMillis(200);
    /** After the fault ends: the old primary learns, steps down and catches up. */
    private static final Duration AFTER_FAULT = Duration.ofMillis(2500);
    /** Three keys: writes collide on them, so conflicting histories are histories of the same rows. */
    private static final int KEYS = 3;

    /**
     * What one run produced.
     *
     * @param result the simulation's history, trace and statistics
     * @param ledger what the store reported
     * @param faults the seed's fault
     * @param finalPrimary the node the manager named primary at the end
     * @param kept the values the final primary's log holds
     */
    record Outcome(
            SimResult result, FailoverLedger ledger, FailoverFaults faults, NodeId finalPrimary, Set<String> kept) {}

    private FailoverScenario() {}

    static Outcome run(FailoverVariant variant, ReplConfig.Bug bug, ParamValues values, long seed, RunOptions options) {
        FailoverFaults faults = FailoverFaults.draw(values, seed);
        FailoverLedger ledger = new FailoverLedger();
        int writers = values.get(FailoverParams.WRITERS);
        List<NodeId> clients = FailoverCluster.clients(writers);
        LeaseSettings lease = leaseSettings(values, variant.fenced());
        ReplConfig base = ReplConfig.defaults(PRIMARY, List.of(FailoverCluster.R1, FailoverCluster.R2))
                .withHeartbeatNanos(Duration.ofMillis(10).toNanos())
                .withBug(bug);
        ReplConfig config = variant.fenced() ? base.sync(ReplConfig.SyncLevel.ON) : base.async();
        FailoverManager.Settings manager = new FailoverManager.Settings(
                PRIMARY,
                NODES,
                clients,
                healthCheck(variant, values),
                values.get(FailoverParams.CHECK_INTERVAL).toNanos(),
                values.get(FailoverParams.FAILURES),
                COLLECT.toNanos(),
                // A commit acknowledged by one of two replicas is on at least one of any two: ask both.
                variant.fenced() ? 2 : 1);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(ONE_WAY_MEDIAN, ONE_WAY_SIGMA)))
                .disk(DiskConfig.defaults().withSyncLatency(Latency.uniform(SYNC_MIN, SYNC_MAX)))
                .addNode(LEASE, any -> new LeaseNode(lease))
                .addNode(MANAGER, any -> new FailoverManager(manager))
                .faults(faults.plan(writers))
                .workload(Workload.closedLoop(
                        clients,
                        writes(KEYS),
                        Integer.MAX_VALUE,
                        Latency.exponential(values.get(FailoverParams.THINK))))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        LeaseSettings held = variant.lease() ? lease : null;
        for (NodeId node : NODES) {
            builder.addNode(node, any -> storeNode(node, config, ledger, held, faults));
            builder.addNode(FailoverCluster.port(node), any -> new PortListener());
        }
        for (NodeId client : clients) {
            builder.addClient(client, new ReplClient(ReplClient.Settings.atPrimary(PRIMARY, CLIENT_TIMEOUT.toNanos())));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofNanos(faults.endNanos()).plus(AFTER_FAULT));
        NodeId finalPrimary = ((FailoverManager) simulation.node(MANAGER).orElseThrow()).primary();
        return new Outcome(result, ledger, faults, finalPrimary, keptBy(simulation, finalPrimary));
    }

    static LeaseSettings leaseSettings(ParamValues values, boolean fenced) {
        long ttl = values.get(FailoverParams.LEASE_TTL).toNanos();
        return new LeaseSettings(LEASE, ttl, ttl / 3, values.get(FailoverParams.DRIFT_PPM), fenced);
    }

    private static HealthCheck healthCheck(FailoverVariant variant, ParamValues values) {
        return switch (variant.check()) {
            case PORT -> new HealthCheck.Port(FailoverCluster::port);
            case QUERY -> new HealthCheck.Query();
            // The promoted node waits for the old lease's time, the drift margin and a renewal: two TTLs cover it.
            case LEASE ->
                new HealthCheck.Lease(
                        LEASE, 2 * values.get(FailoverParams.LEASE_TTL).toNanos());
        };
    }

    /** The primary's node, with its disk stalled on the seeds that stall it. */
    private static Node storeNode(
            NodeId node, ReplConfig config, FailoverLedger ledger, LeaseSettings lease, FailoverFaults faults) {
        Node store = new ReplNode(config, ledger, lease);
        if (!node.equals(PRIMARY)) {
            return store;
        }
        return switch (faults.kind()) {
            case STUCK_DISK -> DiskStall.stuck(store, faults.atNanos(), faults.endNanos());
            case SLOW_DISK -> DiskStall.slow(store, faults.atNanos(), faults.endNanos(), faults.slowSyncNanos());
            default -> store;
        };
    }

    private static Set<String> keptBy(Simulation simulation, NodeId primary) {
        Set<String> kept = new HashSet<>();
        Node node = simulation.node(primary).orElse(null);
        if (node instanceof DiskStall stalled) {
            node = stalled.inner();
        }
        if (node instanceof ReplNode store) {
            store.log().forEach(entry -> kept.add(entry.value()));
        }
        return kept;
    }

    /** Every client writes values unique in the run ("w{process}-{n}") to a few shared keys. */
    private static OperationGenerator writes(int keys) {
        Map<Integer, Integer> written = new HashMap<>();
        return (process, random) -> {
            int n = written.merge(process, 1, Integer::sum);
            return new OperationGenerator.Operation(
                    ReplClient.WRITE, "k" + random.nextInt(keys), "w" + process + "-" + n);
        };
    }
}
