package sdlab.chapters.repl;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.repl.FailoverOperator;
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
 * One run of chapter 19: a primary and two replicas, an operator that fails over, writers and readers at the
 * primary in a closed loop. The seed's faults ({@link SemiSyncFaults}) crash the primary for good; the operator
 * promotes the most advanced replica and points the clients at it, and the run goes on a while after.
 */
final class SemiSyncScenario {
    static final NodeId PRIMARY = NodeId.of("p");
    static final List<NodeId> REPLICAS = List.of(NodeId.of("r1"), NodeId.of("r2"));
    static final NodeId OPERATOR = NodeId.of("operator");

    private static final double ONE_WAY_SIGMA = 0.5;
    private static final double FSYNC_SIGMA = 0.3;
    private static final Duration HEARTBEAT = Duration.ofMillis(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CHECK_EVERY = Duration.ofMillis(50);
    private static final int MISSES_MAX = 3;
    private static final Duration COLLECT = Duration.ofMillis(300);
    /** After the crash: detection, promotion and a stretch of writes to the new primary. */
    private static final Duration AFTER_CRASH = Duration.ofMillis(1200);
    /** How often the replicas' lag is sampled during a cut. */
    private static final Duration LAG_SAMPLE_EVERY = Duration.ofMillis(10);

    /**
     * What one run produced.
     *
     * @param result the simulation's history, trace and statistics
     * @param log what the store reported
     * @param kept the values the promoted primary's log holds at the end
     * @param faults the seed's faults
     * @param lag the replicas' largest reported lag while cut off from the live primary
     */
    record Outcome(SimResult result, CommitLog log, Set<String> kept, SemiSyncFaults faults, LagSampler lag) {}

    private SemiSyncScenario() {}

    static ReplConfig baseConfig(ParamValues values) {
        return ReplConfig.defaults(PRIMARY, REPLICAS)
                .withAcksRequired(values.get(SemiSyncParams.ACKS))
                .withTimeoutNanosSemiSync(values.get(SemiSyncParams.TIMEOUT).toNanos())
                .withHeartbeatNanos(HEARTBEAT.toNanos())
                .withApplyNanosPerEntry(values.get(SemiSyncParams.APPLY).toNanos());
    }

    static Outcome run(ReplConfig config, ParamValues values, long seed, RunOptions options) {
        SemiSyncFaults faults = SemiSyncFaults.draw(values, seed);
        CommitLog log = new CommitLog();
        LagSampler lag = LagSampler.duringCut(faults);
        List<NodeId> clients = clients(values);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(values.get(SemiSyncParams.ONE_WAY), ONE_WAY_SIGMA)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.logNormal(values.get(SemiSyncParams.FSYNC), FSYNC_SIGMA)))
                .addNode(PRIMARY, any -> new ReplNode(config, log))
                .addNode(
                        OPERATOR,
                        any -> new FailoverOperator(new FailoverOperator.Settings(
                                PRIMARY, REPLICAS, clients, CHECK_EVERY.toNanos(), MISSES_MAX, COLLECT.toNanos())))
                .faults(faults.plan())
                .workload(Workload.closedLoop(
                        clients,
                        writesAndReads(values.get(SemiSyncParams.WRITERS), values.get(SemiSyncParams.KEYS)),
                        Integer.MAX_VALUE,
                        Latency.exponential(values.get(SemiSyncParams.THINK))))
                .every(LAG_SAMPLE_EVERY, lag::sample)
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId replica : REPLICAS) {
            builder.addNode(replica, any -> new ReplNode(config, log));
        }
        for (NodeId client : clients) {
            builder.addClient(client, new ReplClient(ReplClient.Settings.atPrimary(PRIMARY, CLIENT_TIMEOUT.toNanos())));
        }
        Simulation simulation = builder.build();
        SimResult result =
                simulation.run(Duration.ofNanos(faults.crashAtNanos()).plus(AFTER_CRASH));
        return new Outcome(result, log, keptBy(simulation, seed), faults, lag);
    }

    /** The values in the log of the replica that was promoted. */
    private static Set<String> keptBy(Simulation simulation, long seed) {
        for (NodeId replica : REPLICAS) {
            if (simulation.node(replica).orElse(null) instanceof ReplNode node && node.isPrimary()) {
                Set<String> kept = new HashSet<>();
                node.log().forEach(entry -> kept.add(entry.value()));
                return kept;
            }
        }
        throw new IllegalStateException("no replica was promoted by the end of the run (seed " + seed + ")");
    }

    private static List<NodeId> clients(ParamValues values) {
        int count = values.get(SemiSyncParams.WRITERS) + values.get(SemiSyncParams.READERS);
        return IntStream.range(0, count).mapToObj(i -> NodeId.of("c" + i)).toList();
    }

    /** Processes below {@code writers} write values unique in the run ("w{process}-{n}"); the others read. */
    private static OperationGenerator writesAndReads(int writers, int keys) {
        Map<Integer, Integer> written = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(keys);
            if (process < writers) {
                int n = written.merge(process, 1, Integer::sum);
                return new OperationGenerator.Operation(ReplClient.WRITE, key, "w" + process + "-" + n);
            }
            return new OperationGenerator.Operation(ReplClient.READ, key, null);
        };
    }
}
