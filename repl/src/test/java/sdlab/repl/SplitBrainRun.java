package sdlab.repl;

import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of the failover world: primary p, replicas r1 and r2, each with its host's port listener, a lease node, a
 * failover manager and four writing clients, and one fault of the primary at 1 s. The manager checks every 100 ms
 * and fails over after 3 failures; the lease lasts 300 ms and is renewed every 100 ms.
 */
final class SplitBrainRun {
    static final NodeId LEASE = NodeId.of("lease");
    static final NodeId MANAGER = NodeId.of("fm");
    static final List<NodeId> NODES = List.of(P, R1, R2);
    static final List<NodeId> CLIENTS =
            IntStream.range(0, 4).mapToObj(ReplWorld::client).toList();
    static final Duration FAULT_AT = Duration.ofMillis(1000);
    static final Duration FAULT_LENGTH = Duration.ofMillis(2000);
    private static final Duration RUN = Duration.ofMillis(5000);

    /** How the primary is watched, and what it takes to commit. */
    enum Check {
        PORT,
        QUERY,
        LEASE,
        LEASE_FENCED
    }

    /** The fault the primary meets at 1 s. */
    enum Fault {
        /** The process dies (its port closes) and restarts 2 s later. */
        CRASH,
        /** A 2 s stop-the-world pause: the port stays open. */
        LONG_PAUSE,
        /** The manager alone loses the primary, both ways, for 2 s: the clients still reach it. */
        MANAGER_CUT,
        /** The primary, r2 and clients c0 and c1 on one side, the rest on the other, for 2 s. */
        ZONE_SPLIT,
        /** Not the primary: the lease service stops for 2 s, so nobody can renew or ask about the lease. */
        LEASE_SERVICE_PAUSE
    }

    /** What a run showed. */
    record Outcome(SimResult result, Ledger ledger, Set<String> acknowledged, Set<String> kept) {
        Set<String> lost() {
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(kept);
            return lost;
        }
    }

    /** Every commit by node and position, every promotion and discard. */
    static final class Ledger implements ReplObserver {
        final Map<Long, Set<NodeId>> committersByPosition = new HashMap<>();
        final List<String> promotions = new ArrayList<>();
        long discarded;

        @Override
        public void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {
            if (entry.key().equals(HealthCheck.Query.KEY)) {
                return; // the manager's own heartbeat rows are no client's writes
            }
            committersByPosition
                    .computeIfAbsent(entry.position(), p -> new HashSet<>())
                    .add(primary);
        }

        @Override
        public void promoted(NodeId primary, long lastPosition, long atNanos) {
            promotions.add(primary + "@" + atNanos / MS);
        }

        @Override
        public void discarded(NodeId node, NodeId primary, long entries, long atNanos) {
            discarded += entries;
        }

        /** Positions that two primaries each committed, with different entries. */
        long conflictingPositions() {
            return committersByPosition.values().stream()
                    .filter(s -> s.size() > 1)
                    .count();
        }
    }

    private SplitBrainRun() {}

    static NodeId port(NodeId node) {
        return NodeId.of(node.name() + ".port");
    }

    static Outcome run(long seed, Check check, Fault fault, ReplConfig.Bug bug) {
        return run(seed, check, fault, bug, false);
    }

    static Outcome run(long seed, Check check, Fault fault, ReplConfig.Bug bug, boolean trace) {
        Ledger ledger = new Ledger();
        LeaseSettings lease = new LeaseSettings(LEASE, 300 * MS, 100 * MS, 1_000, check == Check.LEASE_FENCED);
        ReplConfig config = ReplWorld.config().withBug(bug);
        ReplConfig store = check == Check.LEASE_FENCED ? config.sync(ReplConfig.SyncLevel.ON) : config.async();
        LeaseSettings held = check == Check.LEASE || check == Check.LEASE_FENCED ? lease : null;
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))))
                .addNode(LEASE, any -> new LeaseNode(lease))
                .addNode(
                        MANAGER,
                        any -> new FailoverManager(new FailoverManager.Settings(
                                P,
                                NODES,
                                CLIENTS,
                                healthCheck(check),
                                100 * MS,
                                3,
                                200 * MS,
                                check == Check.LEASE_FENCED ? 2 : 1)))
                .faults(plan(fault))
                .recordTrace(trace)
                .workload(Workload.closedLoop(
                        CLIENTS,
                        ReplWorld.writesAndReads(CLIENTS.size(), 3),
                        1_000_000,
                        Latency.exponential(Duration.ofMillis(2))));
        for (NodeId node : NODES) {
            builder.addNode(node, any -> new ReplNode(store, ledger, held));
            builder.addNode(port(node), any -> new PortListener());
        }
        for (NodeId client : CLIENTS) {
            builder.addClient(client, new ReplClient(ReplClient.Settings.atPrimary(P, 200 * MS)));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(RUN);
        ReplNode primary = NODES.stream()
                .map(id -> (ReplNode) simulation.node(id).orElseThrow())
                .filter(ReplNode::isPrimary)
                .findFirst()
                .orElseThrow();
        Set<String> kept = new HashSet<>();
        primary.log().forEach(entry -> kept.add(entry.value()));
        Set<String> acknowledged = new HashSet<>();
        Operations.of(result.history()).stream()
                .filter(o -> o.f().equals(ReplClient.WRITE) && o.status() == Status.OK)
                .map(Operation::output)
                .forEach(value -> acknowledged.add((String) value));
        return new Outcome(result, ledger, acknowledged, kept);
    }

    private static HealthCheck healthCheck(Check check) {
        return switch (check) {
            case PORT -> new HealthCheck.Port(SplitBrainRun::port);
            case QUERY -> new HealthCheck.Query();
            case LEASE, LEASE_FENCED -> new HealthCheck.Lease(LEASE, 500 * MS);
        };
    }

    private static FaultPlan plan(Fault fault) {
        FaultPlan.Builder plan = FaultPlan.builder();
        switch (fault) {
            case CRASH -> plan.crash(FAULT_AT, P, FAULT_LENGTH).crash(FAULT_AT, port(P), FAULT_LENGTH);
            case LONG_PAUSE -> plan.pause(FAULT_AT, P, FAULT_LENGTH);
            case MANAGER_CUT ->
                plan.partition(FAULT_AT, FAULT_LENGTH, Partition.between(Set.of(MANAGER), Set.of(P, port(P))));
            case ZONE_SPLIT ->
                plan.partition(
                        FAULT_AT,
                        FAULT_LENGTH,
                        Partition.between(
                                Set.of(P, port(P), R2, port(R2), CLIENTS.get(0), CLIENTS.get(1)),
                                Set.of(MANAGER, LEASE, R1, port(R1), CLIENTS.get(2), CLIENTS.get(3))));
            case LEASE_SERVICE_PAUSE -> plan.pause(FAULT_AT, LEASE, FAULT_LENGTH);
        }
        return plan.build();
    }
}
