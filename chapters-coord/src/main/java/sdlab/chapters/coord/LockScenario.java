package sdlab.chapters.coord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.coord.fencing.FencedLog;
import sdlab.coord.fencing.FencedStore;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.recipes.LockClient;
import sdlab.coord.recipes.LockConfig;
import sdlab.coord.recipes.LockKind;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.server.ReplicaConfig;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;

/**
 * One run of chapter 5's locks: three coordination servers (Raft underneath), a store holding the
 * counter, and the clients, each taking the lock with the variant's recipe and incrementing the
 * counter while it holds it. The seed's faults ({@link LockFaults}) strike the holder.
 */
final class LockScenario {
    static final List<NodeId> SERVERS = List.of(NodeId.of("z1"), NodeId.of("z2"), NodeId.of("z3"));
    static final NodeId STORE = NodeId.of("store");
    static final String COUNTER = "counter";

    private static final Duration ONE_WAY_MIN = Duration.ofMillis(1);
    private static final Duration ONE_WAY_MAX = Duration.ofMillis(3);
    private static final Duration THINK = Duration.ofMillis(50);
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(500);
    private static final int TICK_MS = 200;
    private static final int CONTAINER_CHECK_MS = 100;

    /**
     * What a run produced.
     *
     * @param result the simulation's trace hash and stats
     * @param log the holds and notifications the clients reported
     * @param applied the writes the store applied, from its disk
     * @param store the store at the end, with its refusal counts
     * @param faults the seed's faults
     * @param lengthNanos the run's virtual length
     */
    record Outcome(
            SimResult result,
            HoldLog log,
            List<AppliedWrite> applied,
            FencedStore store,
            LockFaults faults,
            long lengthNanos) {}

    private LockScenario() {}

    static List<NodeId> clients(ParamValues values) {
        List<NodeId> clients = new ArrayList<>();
        for (int i = 1; i <= values.get(LockParams.CLIENTS); i++) {
            clients.add(NodeId.of("c" + i));
        }
        return clients;
    }

    static Outcome run(
            LockKind kind,
            FencingPolicy storePolicy,
            LockConfig.Bug bug,
            ParamValues values,
            LockFaults faults,
            long seed,
            RunOptions options) {
        HoldLog log = new HoldLog();
        List<NodeId> clients = clients(values);
        ReplicaConfig replica =
                ReplicaConfig.defaults().withTickTimeMs(TICK_MS).withContainerCheckMs(CONTAINER_CHECK_MS);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(ONE_WAY_MIN, ONE_WAY_MAX)))
                .addNode(STORE, id -> new FencedStore(storePolicy))
                .at(Duration.ZERO, log::bind)
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        for (NodeId server : SERVERS) {
            builder.addNode(server, id -> new CoordReplica(id, SERVERS, replica));
        }
        LockConfig config = config(kind, bug, values);
        for (int i = 0; i < clients.size(); i++) {
            LockConfig own = config.withFirstServer(i);
            builder.addNode(clients.get(i), id -> new LockClient(own, log));
        }
        faults.install(builder, clients, SERVERS, log);
        Simulation simulation = builder.build();
        Duration length = values.get(LockParams.LENGTH);
        SimResult result = simulation.run(length);
        return new Outcome(
                result,
                log,
                FencedLog.read(simulation.disk(STORE).orElseThrow()),
                (FencedStore) simulation.nodeAtEnd(STORE),
                faults,
                length.toNanos());
    }

    static LockConfig config(LockKind kind, LockConfig.Bug bug, ParamValues values) {
        int sessionMs = (int) values.get(LockParams.SESSION).toMillis();
        return new LockConfig(
                kind,
                SERVERS,
                0,
                STORE,
                COUNTER,
                sessionMs,
                // ZooKeeper's client declares the connection lost after two thirds of the session timeout.
                Duration.ofMillis(2L * sessionMs / 3),
                values.get(LockParams.INCREMENTS),
                values.get(LockParams.WORK),
                THINK,
                STORE_TIMEOUT,
                values.get(LockParams.TTL).toMillis(),
                bug);
    }
}
