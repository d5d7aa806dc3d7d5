package sdlab.consensus.raft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.Models;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.OpType;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.LiveNodes;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Partition;
import sdlab.sim.SimControl;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/** Runs of a Raft cluster in the simulator for the tests: Raft's invariants after every event, a checked history. */
final class RaftSimulations {
    static final Duration HORIZON = Duration.ofSeconds(2);
    static final CheckLimits CHECK_LIMITS = CheckLimits.steps(5_000_000);

    private RaftSimulations() {}

    /** The shape of one run. */
    record Run(
            RaftConfig config,
            int nodeCount,
            int clientCount,
            int opsPerClient,
            int keyCount,
            NetworkConfig network,
            DiskConfig disk,
            FaultPlan faults) {

        Run withFaults(FaultPlan plan) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, network, disk, plan);
        }

        Run withNetwork(NetworkConfig newNetwork) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, newNetwork, disk, faults);
        }

        Run withDisk(DiskConfig newDisk) {
            return new Run(config, nodeCount, clientCount, opsPerClient, keyCount, network, newDisk, faults);
        }

        Run withNodeCount(int count) {
            return new Run(config, count, clientCount, opsPerClient, keyCount, network, disk, faults);
        }

        Run withConfig(RaftConfig newConfig) {
            return new Run(newConfig, nodeCount, clientCount, opsPerClient, keyCount, network, disk, faults);
        }

        List<NodeId> nodes() {
            return RaftCluster.nodeIds(nodeCount);
        }
    }

    /**
     * Five nodes, three clients of 80 operations each on two keys (about as long as the fault
     * horizon), 1-10 ms links, 1-5 ms syncs with torn writes.
     */
    static Run standard(RaftConfig config) {
        return new Run(
                config,
                5,
                3,
                80,
                2,
                NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(10))),
                DiskConfig.defaults()
                        .withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(5)))
                        .withTornWrites(true),
                FaultPlan.none());
    }

    /** A fault plan of the given kinds drawn from the seed, within the horizon. */
    static FaultPlan randomFaults(long seed, List<NodeId> nodes, FaultMix mix) {
        return FaultPlan.random(mix, nodes, HORIZON, new SplittableRandom(seed));
    }

    static FaultMix crashes() {
        return new FaultMix(false, true, false, false, false, 6, Duration.ofMillis(800));
    }

    static FaultMix partitions() {
        return new FaultMix(true, false, false, true, false, 6, Duration.ofMillis(800));
    }

    static FaultMix everything() {
        return new FaultMix(true, true, true, true, false, 6, Duration.ofMillis(800));
    }

    /**
     * Churn: every 10 to {@code 10 + stepMsMax} ms, a random node either crashes for 1 to {@code
     * downMsMax} ms (two times in three) or is cut off from everybody for 20-320 ms, through the
     * horizon. Elections all the time, and crashes right after a vote or an append, before it is
     * synced.
     */
    static FaultPlan churn(long seed, List<NodeId> nodes, int stepMsMax, int downMsMax) {
        SplittableRandom random = new SplittableRandom(seed);
        FaultPlan.Builder plan = FaultPlan.builder();
        for (long at = 100; at < HORIZON.toMillis(); at += 10 + random.nextLong(stepMsMax)) {
            NodeId node = nodes.get(random.nextInt(nodes.size()));
            if (random.nextInt(3) == 0) {
                plan.partition(
                        Duration.ofMillis(at),
                        Duration.ofMillis(20 + random.nextLong(300)),
                        Partition.isolate(node, nodes));
            } else {
                plan.crash(Duration.ofMillis(at), node, Duration.ofMillis(1 + random.nextLong(downMsMax)));
            }
        }
        return plan.build();
    }

    /** One run with Raft's four invariants checked after every event; throws InvariantViolation if one breaks. */
    static SimResult simulate(long seed, Run run, boolean recordTrace) {
        return simulate(seed, run, recordTrace, null);
    }

    /** One run as {@link #simulate}, with a targeted nemesis looking at the nodes every 2 ms. */
    static SimResult simulateWithNemesis(long seed, Run run, Consumer<SimControl> nemesis) {
        return simulate(seed, run, false, nemesis, kvOps(run.keyCount()));
    }

    /** One run as {@link #simulateWithNemesis}, with the clients' operations drawn from {@code operations}. */
    static SimResult simulateWithNemesis(
            long seed, Run run, Consumer<SimControl> nemesis, OperationGenerator operations) {
        return simulate(seed, run, false, nemesis, operations);
    }

    private static SimResult simulate(long seed, Run run, boolean recordTrace, Consumer<SimControl> nemesis) {
        return simulate(seed, run, recordTrace, nemesis, kvOps(run.keyCount()));
    }

    private static SimResult simulate(
            long seed, Run run, boolean recordTrace, Consumer<SimControl> nemesis, OperationGenerator operations) {
        return build(seed, run, recordTrace, nemesis, operations, run.nodes(), new RaftInvariants(), builder -> {})
                .run(Duration.ofMinutes(2));
    }

    /**
     * A run as {@link #simulate} whose cluster starts as {@code initialMembers} (the other nodes
     * start knowing no configuration), with {@code extra} adding more to it (an administrator's
     * node); the simulation is returned unrun, so that a test can look at its nodes afterwards.
     */
    static Simulation membershipRun(
            long seed,
            Run run,
            boolean recordTrace,
            List<NodeId> initialMembers,
            Consumer<SimControl> nemesis,
            Consumer<Simulation.Builder> extra) {
        return membershipRun(seed, run, recordTrace, initialMembers, new RaftInvariants(), nemesis, extra);
    }

    /** {@link #membershipRun} checking {@code invariants}. */
    static Simulation membershipRun(
            long seed,
            Run run,
            boolean recordTrace,
            List<NodeId> initialMembers,
            RaftInvariants invariants,
            Consumer<SimControl> nemesis,
            Consumer<Simulation.Builder> extra) {
        return build(seed, run, recordTrace, nemesis, kvOps(run.keyCount()), initialMembers, invariants, extra);
    }

    private static Simulation build(
            long seed,
            Run run,
            boolean recordTrace,
            Consumer<SimControl> nemesis,
            OperationGenerator operations,
            List<NodeId> initialMembers,
            RaftInvariants invariants,
            Consumer<Simulation.Builder> extra) {
        List<NodeId> nodes = run.nodes();
        List<NodeId> clients = RaftCluster.clientIds(run.clientCount());
        Simulation.Builder builder = Simulation.builder(seed)
                .network(run.network())
                .disk(run.disk())
                .faults(run.faults())
                .recordTrace(recordTrace)
                .invariant("election safety", view -> invariants.electionSafety(live(view)))
                .invariant("log matching", view -> invariants.logMatching(live(view)))
                .invariant("leader completeness", view -> invariants.leaderCompleteness(live(view)))
                .invariant("state-machine safety", view -> invariants.stateMachineSafety(live(view)))
                .invariant("membership", view -> invariants.membership(live(view)))
                .workload(Workload.closedLoop(
                        clients,
                        operations,
                        run.opsPerClient(),
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(40))));
        if (nemesis != null) {
            builder.every(Duration.ofMillis(2), nemesis);
        }
        nodes.forEach(node -> builder.addNode(node, RaftCluster.nodeFactory(run.config(), initialMembers)));
        clients.forEach(client -> builder.addClient(client, RaftCluster.client(run.config(), nodes)));
        extra.accept(builder);
        return builder.build();
    }

    static List<RaftNode> live(LiveNodes view) {
        List<RaftNode> live = new ArrayList<>(view.ids().size());
        for (NodeId id : view.ids()) {
            if (view.node(id).orElse(null) instanceof RaftNode node) {
                live.add(node); // not an administrator's node
            }
        }
        return live;
    }

    /**
     * Reads (40%), writes (40%) and cas (20%) of registers. Every written value is unique in the
     * run, so a read names the write it saw; a cas expects the value last generated for its key,
     * so that many succeed.
     */
    static OperationGenerator kvOps(int keyCount) {
        Map<Integer, Long> written = new HashMap<>();
        Map<String, Long> lastOfKey = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(keyCount);
            double draw = random.nextDouble();
            if (draw < 0.4) {
                return new OperationGenerator.Operation("read", key, null);
            }
            long value = (process + 1) * 1_000_000L + written.merge(process, 1L, Long::sum);
            Long expected = lastOfKey.put(key, value);
            if (draw < 0.8) {
                return new OperationGenerator.Operation("write", key, value);
            }
            List<Object> pair = new ArrayList<>();
            pair.add(expected);
            pair.add(value);
            return new OperationGenerator.Operation("cas", key, pair);
        };
    }

    /**
     * Processes below {@code readers} only read (so that they stay with the node they believe
     * leads), the others run {@link #kvOps}.
     */
    static OperationGenerator readersAndWriters(int readers, int keyCount) {
        OperationGenerator mixed = kvOps(keyCount);
        return (process, random) -> process < readers
                ? new OperationGenerator.Operation("read", "k" + random.nextInt(keyCount), null)
                : mixed.next(process, random);
    }

    static Verdict linearizable(History history) {
        return Linearizability.check(history, Models.casRegister(), CHECK_LIMITS)
                .verdict();
    }

    static long count(History history, OpType type) {
        return history.ops().stream().filter(op -> op.type() == type).count();
    }
}
