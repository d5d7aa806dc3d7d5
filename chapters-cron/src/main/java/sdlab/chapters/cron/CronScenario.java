package sdlab.chapters.cron;

import java.time.Duration;
import java.util.List;
import sdlab.consensus.raft.RaftCluster;
import sdlab.consensus.raft.RaftConfig;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.coord.fencing.FencedLog;
import sdlab.coord.fencing.FencedStore;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.core.NodeId;
import sdlab.cron.CronOption;
import sdlab.cron.CronScheduler;
import sdlab.cron.SchedulerConfig;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;

/**
 * One run of chapter 14: three schedulers run one job every period; their lease lives in a
 * three-node Raft store; the job writes its result to one target, a fenced storage node whose
 * checks the option decides. The seed's faults ({@link CronFaults}) strike the leader.
 */
final class CronScenario {
    static final String JOB = "report";
    static final NodeId TARGET = NodeId.of("target");
    static final List<NodeId> STORE = RaftCluster.nodeIds(3);
    static final List<NodeId> SCHEDULERS = List.of(NodeId.of("s1"), NodeId.of("s2"), NodeId.of("s3"));

    private static final Duration ONE_WAY_MIN = Duration.ofMillis(1);
    private static final Duration ONE_WAY_MAX = Duration.ofMillis(3);
    private static final Duration STORE_ATTEMPT = Duration.ofMillis(150);
    private static final Duration STORE_GIVE_UP = Duration.ofSeconds(1);
    private static final Duration TARGET_TIMEOUT = Duration.ofMillis(100);
    private static final Duration BACKOFF = Duration.ofMillis(50);
    /** After the last slot: time for late runs, pauses and retries to land. */
    private static final Duration TAIL = Duration.ofSeconds(6);

    /**
     * What a run produced.
     *
     * @param result the simulation's trace hash and stats
     * @param log what the schedulers reported, in virtual time
     * @param applied the writes the target applied, from its disk
     * @param target the target at the end, with its refusal counts
     * @param faults the seed's faults
     */
    record Outcome(SimResult result, RunLog log, List<AppliedWrite> applied, FencedStore target, CronFaults faults) {}

    private CronScenario() {}

    /** A run of {@code option} with the seed's own faults and the option's target. */
    static Outcome run(
            CronOption option, FencingPolicy targetPolicy, ParamValues values, long seed, RunOptions options) {
        return run(option, targetPolicy, values, CronFaults.draw(values, SCHEDULERS, seed), seed, options);
    }

    /** A run with the faults given: for tests that script the run where a mechanism matters. */
    static Outcome run(
            CronOption option,
            FencingPolicy targetPolicy,
            ParamValues values,
            CronFaults faults,
            long seed,
            RunOptions options) {
        SchedulerConfig config = schedulerConfig(option, values);
        RunLog log = new RunLog();
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(ONE_WAY_MIN, ONE_WAY_MAX))
                        .withLoss(values.get(CronParams.LOSS)))
                .addNode(TARGET, id -> new FencedStore(targetPolicy))
                .at(Duration.ZERO, log::bind)
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        RaftConfig raft = RaftConfig.defaults();
        for (NodeId id : STORE) {
            builder.addNode(id, RaftCluster.nodeFactory(raft, STORE));
        }
        for (NodeId id : SCHEDULERS) {
            builder.addNode(id, any -> new CronScheduler(config, log));
        }
        faults.install(builder, SCHEDULERS, STORE);
        Simulation simulation = builder.build();
        Duration length = values.get(CronParams.PERIOD)
                .multipliedBy(values.get(CronParams.SLOTS))
                .plus(TAIL);
        SimResult result = simulation.run(length);
        return new Outcome(
                result,
                log,
                FencedLog.read(simulation.disk(TARGET).orElseThrow()),
                (FencedStore) simulation.nodeAtEnd(TARGET),
                faults);
    }

    static SchedulerConfig schedulerConfig(CronOption option, ParamValues values) {
        long lease = values.get(CronParams.LEASE).toNanos();
        return new SchedulerConfig(
                JOB,
                option,
                STORE,
                TARGET,
                values.get(CronParams.PERIOD).toNanos(),
                values.get(CronParams.WORK).toNanos(),
                lease,
                lease / 5,
                values.get(CronParams.LOCK_TIME).toNanos(),
                STORE_ATTEMPT.toNanos(),
                STORE_GIVE_UP.toNanos(),
                TARGET_TIMEOUT.toNanos(),
                values.get(CronParams.RETRIES),
                BACKOFF.toNanos());
    }

    /** The slots a run is judged on: from the fourth (the store has elected and a lease is held) to the last. */
    static long firstSlot() {
        return 3;
    }

    static long lastSlot(ParamValues values) {
        return values.get(CronParams.SLOTS) - 1;
    }
}
