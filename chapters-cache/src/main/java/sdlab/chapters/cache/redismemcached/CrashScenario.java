package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.FaultPlan;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Chapter 11's crash scenario: writers set keys of their own at a steady rate, the machine under
 * the node crashes at a moment drawn from the seed, the node restarts after a pause, and the
 * writers carry on for another second.
 *
 * <p>The crash drops every write the disk had not synced, and may tear the last append, as a power
 * loss does. The moment of the crash depends on the seed only, so every variant of a seed crashes
 * at the same time under the same arrivals.
 */
final class CrashScenario {
    /** Writers keep writing this long after the restart. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(1);

    /** How long a client waits for an answer: far above a healthy round trip, below the downtime. */
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(100);

    private static final long CRASH_SEED_SALT = 0x6C8E9CF570932BD5L;

    /**
     * What a crash scenario produced.
     *
     * @param result the simulation's history, trace and statistics
     * @param crashAtNanos when the machine crashed
     * @param restarted the node after its restart, holding what it recovered
     */
    record Outcome(SimResult result, long crashAtNanos, CacheServerNode restarted) {}

    private CrashScenario() {}

    static Outcome run(ServerSpec spec, ParamValues values, long seed, RunOptions options) {
        List<NodeId> writers = clientIds(values.get(ServerParams.WRITERS));
        Duration crashAt = crashMoment(values, seed);
        Duration downFor = values.get(ServerParams.DOWN_FOR);
        Duration length = crashAt.plus(downFor).plus(AFTER_RESTART);
        ServiceCosts costs = ServerParams.costs(values);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(ServerWorld.network())
                .disk(ServerWorld.disk(values))
                .addNode(CacheServerNode.ID, id -> new CacheServerNode(spec, costs, DataSet.EMPTY))
                .faults(FaultPlan.builder()
                        .crash(crashAt, CacheServerNode.ID, downFor)
                        .build())
                .workload(Workload.openLoop(
                        writers, new UniqueWrites(writers.size()), values.get(ServerParams.WRITE_RATE), length))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId writer : writers) {
            builder.addClient(
                    writer,
                    new CacheClient(
                            CacheServerNode.ID, spec.protocol(), values.get(ServerParams.VALUE_BYTES), CLIENT_TIMEOUT));
        }
        Simulation simulation = builder.build();
        SimResult result = simulation.run(length.plus(CLIENT_TIMEOUT).plusSeconds(1));
        CacheServerNode node = (CacheServerNode) simulation.nodeAtEnd(CacheServerNode.ID);
        // A fork may crash the node again (or first, covering the planned crash); without forks the plan's one
        // crash is the only one.
        boolean forked = !options.steering().forks().isEmpty();
        if (forked ? result.stats().crashes() < 1 : result.stats().crashes() != 1) {
            throw new IllegalStateException("the crash scenario expects one crash, saw "
                    + result.stats().crashes());
        }
        return new Outcome(result, crashAt.toNanos(), node);
    }

    /** When {@code seed} crashes: uniform from --crash-earliest to --crash-latest, the same for every variant. */
    static Duration crashMoment(ParamValues values, long seed) {
        long earliest = values.get(ServerParams.CRASH_EARLIEST).toNanos();
        long latest = values.get(ServerParams.CRASH_LATEST).toNanos();
        SplittableRandom random = new SplittableRandom(seed ^ CRASH_SEED_SALT);
        return Duration.ofNanos(earliest == latest ? earliest : random.nextLong(earliest, latest + 1));
    }

    private static List<NodeId> clientIds(int count) {
        List<NodeId> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(NodeId.of("writer" + i));
        }
        return ids;
    }
}
