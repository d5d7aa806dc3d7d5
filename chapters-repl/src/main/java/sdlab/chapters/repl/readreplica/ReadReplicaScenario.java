package sdlab.chapters.repl.readreplica;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.repl.Entry;
import sdlab.repl.Provisioner;
import sdlab.repl.ReadReplicaSettings;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplConfig;
import sdlab.repl.ReplNode;
import sdlab.repl.RoutedReplClient;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimControl;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 8: a primary and one read replica under a closed-loop load of reads and writes; at the join time
 * an operator adds a second replica, which copies a snapshot of the primary, catches up from the log with a cold
 * cache, and is put in the clients' pool. Every node reads through its own LRU page cache; a miss costs a disk read.
 */
final class ReadReplicaScenario {
    static final NodeId PRIMARY = NodeId.of("p");
    static final NodeId OLD_REPLICA = NodeId.of("r1");
    static final NodeId NEW_REPLICA = NodeId.of("r2");
    static final NodeId OPERATOR = NodeId.of("operator");

    private static final double ONE_WAY_SIGMA = 0.5;
    private static final double FSYNC_SIGMA = 0.3;
    private static final Duration HEARTBEAT = Duration.ofMillis(10);
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration OPERATOR_POLL = Duration.ofMillis(5);
    private static final double EWMA_WEIGHT = 0.1;
    /** How often the replicas' own lag figures are sampled. */
    static final Duration LAG_SAMPLE_EVERY = Duration.ofMillis(5);
    /** The steady state before the join is measured over this stretch ending at the join: the caches have warmed. */
    static final Duration BEFORE_WINDOW = Duration.ofMillis(500);

    /**
     * What one run produced.
     *
     * @param result the history, trace and statistics
     * @param log what the store and the clients reported
     * @param positions each written value's position in the primary's log, the order of truth
     * @param commitNanos each position's commit time on the primary
     * @param lag the replicas' lag as they reported it
     * @param joinAtNanos when the operator started the join
     */
    record Outcome(
            SimResult result,
            ReadLog log,
            Map<String, Long> positions,
            Map<Long, Long> commitNanos,
            LagTrack lag,
            long joinAtNanos) {}

    private ReadReplicaScenario() {}

    static Outcome run(
            ReadReplicaVariant variant, ReplConfig.Bug bug, ParamValues values, long seed, RunOptions options) {
        ReplConfig config = ReplConfig.defaults(PRIMARY, List.of(OLD_REPLICA))
                .withHeartbeatNanos(HEARTBEAT.toNanos())
                .withApplyNanosPerEntry(values.get(ReadReplicaParams.APPLY).toNanos())
                .withBug(bug);
        ReadReplicaSettings readSide = new ReadReplicaSettings(
                false,
                values.get(ReadReplicaParams.PAGE_KIB) * 1024L,
                values.get(ReadReplicaParams.CHUNK_PAGES),
                values.get(ReadReplicaParams.SNAPSHOT_MBPS) * 1_000_000L,
                values.get(ReadReplicaParams.CACHE_PAGES),
                values.get(ReadReplicaParams.MISS).toNanos(),
                values.get(ReadReplicaParams.DISK_SLOTS));
        long joinAt = values.get(ReadReplicaParams.JOIN_AT).toNanos();
        long lagBound = values.get(ReadReplicaParams.LAG_BOUND).toNanos();
        ReadLog log = new ReadLog();
        LagTrack lag = new LagTrack(joinAt);
        List<NodeId> clients = clients(values);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(
                        NetworkConfig.reliable(Latency.logNormal(values.get(ReadReplicaParams.ONE_WAY), ONE_WAY_SIGMA)))
                .disk(DiskConfig.defaults()
                        .withSyncLatency(Latency.logNormal(values.get(ReadReplicaParams.FSYNC), FSYNC_SIGMA)))
                .addNode(PRIMARY, any -> new ReplNode(config, log, null, readSide))
                .addNode(OLD_REPLICA, any -> new ReplNode(config, log, null, readSide))
                .addNode(NEW_REPLICA, any -> new ReplNode(config, log, null, readSide.joiningLate()))
                .addNode(
                        OPERATOR,
                        any -> new Provisioner(new Provisioner.Settings(
                                NEW_REPLICA,
                                PRIMARY,
                                clients,
                                joinAt,
                                OPERATOR_POLL.toNanos(),
                                variant.poolAfterCatchUp() ? lagBound : -1)))
                .workload(Workload.closedLoop(
                        clients,
                        readsAndWrites(values.get(ReadReplicaParams.WRITES), values.get(ReadReplicaParams.KEYS)),
                        Integer.MAX_VALUE,
                        Latency.exponential(values.get(ReadReplicaParams.THINK))))
                .every(LAG_SAMPLE_EVERY, lag::sample)
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        RoutedReplClient.Settings settings = new RoutedReplClient.Settings(
                PRIMARY,
                List.of(OLD_REPLICA),
                variant.policy(),
                CLIENT_TIMEOUT.toNanos(),
                lagBound,
                values.get(ReadReplicaParams.PROBE).toNanos(),
                values.get(ReadReplicaParams.READ_WAIT).toNanos(),
                EWMA_WEIGHT,
                bug);
        for (NodeId client : clients) {
            builder.addClient(client, new RoutedReplClient(settings, log));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofNanos(joinAt).plus(values.get(ReadReplicaParams.AFTER_JOIN)));
        Map<String, Long> positions = new HashMap<>();
        Map<Long, Long> commits = new HashMap<>();
        if (simulation.node(PRIMARY).orElse(null) instanceof ReplNode primary) {
            for (Entry entry : primary.log()) {
                positions.put(entry.value(), entry.position());
                commits.put(entry.position(), entry.commitNanos());
            }
        }
        return new Outcome(result, log, positions, commits, lag, joinAt);
    }

    private static List<NodeId> clients(ParamValues values) {
        return IntStream.range(0, values.get(ReadReplicaParams.CLIENTS))
                .mapToObj(i -> NodeId.of("c" + i))
                .toList();
    }

    /** Each operation a write with the given share (values unique in the run, "w{process}-{n}"), else a read. */
    private static OperationGenerator readsAndWrites(double writeShare, int keys) {
        Map<Integer, Integer> written = new HashMap<>();
        return (process, random) -> {
            String key = "k" + random.nextInt(keys);
            if (random.nextDouble() < writeShare) {
                int n = written.merge(process, 1, Integer::sum);
                return new OperationGenerator.Operation(ReplClient.WRITE, key, "w" + process + "-" + n);
            }
            return new OperationGenerator.Operation(ReplClient.READ, key, null);
        };
    }

    /**
     * The replicas' lag as each reported it ({@code Seconds_Behind_Source}), sampled: its largest figure after the
     * join per replica, and when the new replica first reported a lag within one sample period after loading its
     * snapshot (caught up).
     */
    static final class LagTrack {
        private final long joinAtNanos;
        long oldLagNanosMax;
        long newLagNanosMax;
        long newEntriesBehindMax;
        long caughtUpAtNanos = -1;

        LagTrack(long joinAtNanos) {
            this.joinAtNanos = joinAtNanos;
        }

        void sample(SimControl control) {
            if (control.nowNanos() < joinAtNanos) {
                return;
            }
            control.node(OLD_REPLICA)
                    .filter(ReplNode.class::isInstance)
                    .flatMap(node -> ((ReplNode) node).lag(control.nowNanos()))
                    .ifPresent(lag -> oldLagNanosMax = Math.max(oldLagNanosMax, lag.secondsBehindSourceNanos()));
            control.node(NEW_REPLICA)
                    .filter(ReplNode.class::isInstance)
                    .flatMap(node -> ((ReplNode) node).lag(control.nowNanos()))
                    .filter(lag -> lag.receiveLagNanos() >= 0
                            && !(lag.entriesBehindReceived() > 0 && lag.secondsBehindSourceNanos() == 0))
                    .ifPresent(lag -> {
                        newLagNanosMax = Math.max(newLagNanosMax, lag.secondsBehindSourceNanos());
                        newEntriesBehindMax = Math.max(newEntriesBehindMax, lag.entriesBehindApplied());
                        if (caughtUpAtNanos < 0 && lag.secondsBehindSourceNanos() <= LAG_SAMPLE_EVERY.toNanos()) {
                            caughtUpAtNanos = control.nowNanos();
                        }
                    });
        }

        /** When the new replica caught up, or the end of time if it never did. */
        long caughtUpOrNever() {
            return caughtUpAtNanos < 0 ? Long.MAX_VALUE : caughtUpAtNanos;
        }
    }
}
