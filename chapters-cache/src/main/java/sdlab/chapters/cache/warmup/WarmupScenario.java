package sdlab.chapters.cache.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * One run of chapter 13: at time zero a new instance of the service starts with an empty cache in
 * front of the slow database; after its readiness delay, users' requests arrive at a steady rate
 * for the measured window. The requests are the same for every variant of a seed.
 */
final class WarmupScenario {
    /** Client processes: enough that arrivals never wait for a free one, even behind slow misses. */
    private static final int USERS = 32;

    private static final Duration ONE_WAY_MIN = Duration.ofNanos(400_000);
    private static final Duration ONE_WAY_MAX = Duration.ofNanos(600_000);

    /** The spread of the database's statement time: a p99 about six times the median. */
    private static final double DB_SIGMA = 0.8;

    private static final Duration DB_PER_EXTRA_ROW = Duration.ofNanos(200_000);
    private static final int DB_WAITING_MAX = 1000;
    private static final Duration USER_TIMEOUT = Duration.ofSeconds(10);
    private static final long KEY_STREAM_SALT = 0x1B873593L;

    /**
     * What a run produced.
     *
     * @param result the simulation's history and trace
     * @param service the service at the end, with its cache
     * @param databaseLoad what the database served over the run
     * @param trafficStartNanos when the first request could arrive
     */
    record Outcome(SimResult result, ServiceNode service, DatabaseNode.Load databaseLoad, long trafficStartNanos) {}

    private WarmupScenario() {}

    static Outcome run(WarmupPolicy policy, ParamValues values, long seed, RunOptions options) {
        ServiceNode.Setup setup = new ServiceNode.Setup(
                policy,
                values.get(WarmupParams.KEYS),
                values.get(WarmupParams.RECORD_BYTES),
                values.get(WarmupParams.PAGE_SIZE),
                values.get(WarmupParams.PAGES_IN_FLIGHT));
        DatabaseNode.Performance db = new DatabaseNode.Performance(
                Latency.logNormal(values.get(WarmupParams.DB_LATENCY), DB_SIGMA),
                DB_PER_EXTRA_ROW,
                values.get(WarmupParams.DB_CONNECTIONS),
                DB_WAITING_MAX);
        List<NodeId> users = new ArrayList<>(USERS);
        for (int i = 0; i < USERS; i++) {
            users.add(NodeId.of("user" + i));
        }
        Duration trafficAfter = values.get(WarmupParams.TRAFFIC_AFTER);
        Duration window = values.get(WarmupParams.WINDOW);
        RareReadsAndWrites requests = new RareReadsAndWrites(
                values.get(WarmupParams.KEYS), values.get(WarmupParams.WRITE_SHARE), seed ^ KEY_STREAM_SALT);
        DatabaseNode.Load load = new DatabaseNode.Load();
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(ONE_WAY_MIN, ONE_WAY_MAX)))
                .addNode(ServiceNode.ID, id -> new ServiceNode(setup))
                .addNode(DatabaseNode.ID, id -> new DatabaseNode(db, load))
                .workload(Workload.openLoop(users, requests, values.get(WarmupParams.RATE), window)
                        .startingAfter(trafficAfter))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId user : users) {
            builder.addClient(user, new WarmupClient(USER_TIMEOUT));
        }
        Simulation simulation = builder.build();
        SimResult result =
                simulation.run(trafficAfter.plus(window).plus(USER_TIMEOUT).plusSeconds(1));
        return new Outcome(result, (ServiceNode) simulation.nodeAtEnd(ServiceNode.ID), load, trafficAfter.toNanos());
    }
}
