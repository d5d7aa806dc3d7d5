package sdlab.chapters.coord;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.coord.client.CoordKvClient;
import sdlab.coord.server.CoordReplica;
import sdlab.coord.server.ReplicaConfig;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.SimControl;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * Chapter 5's reads: one writer, connected to the first server, writes 1, 2, 3, ... to one znode;
 * two readers connected to the third server read it, with or without {@code sync} first. Every
 * 300 ms the leader's messages to the third server are lost for {@code --lag} (less than an
 * election timeout, so it stays a follower that lags). A read is stale if it returns less than a
 * write that completed before the read began: it missed a write that was already acknowledged.
 */
final class ReadScenario {
    static final String STALE_READS = "staleReads";
    static final String READS = "readsChecked";

    private static final List<NodeId> SERVERS = LockScenario.SERVERS;
    private static final NodeId LAGGING = SERVERS.get(2);
    private static final List<NodeId> CLIENTS = List.of(NodeId.of("writer"), NodeId.of("r1"), NodeId.of("r2"));
    private static final String KEY = "k";
    private static final int OPS_PER_CLIENT = 80;
    private static final Duration LAG_EVERY = Duration.ofMillis(300);

    private ReadScenario() {}

    static SeedRun run(ReadVariant variant, ParamValues values, long seed, RunOptions options) {
        Duration lag = values.get(LockParams.LAG);
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))))
                .workload(Workload.closedLoop(
                        CLIENTS,
                        operations(variant.operation()),
                        OPS_PER_CLIENT,
                        Latency.uniform(Duration.ZERO, Duration.ofMillis(20))))
                .recordTrace(options.recordTrace())
                .steer(options.steering());
        ReplicaConfig replica = ReplicaConfig.defaults().withTickTimeMs(200);
        for (NodeId server : SERVERS) {
            builder.addNode(server, id -> new CoordReplica(id, SERVERS, replica));
        }
        builder.addClient(CLIENTS.get(0), new CoordKvClient(SERVERS, 0, Duration.ofMillis(667)));
        // The readers know only the third server, so that they stay with it: given all three, a
        // reader turned away while the group elects its first leader would move to another server.
        builder.addClient(CLIENTS.get(1), new CoordKvClient(List.of(LAGGING), 0, Duration.ofMillis(667)));
        builder.addClient(CLIENTS.get(2), new CoordKvClient(List.of(LAGGING), 0, Duration.ofMillis(667)));
        if (!lag.isZero()) {
            builder.every(LAG_EVERY, control -> lagTheFollower(control, lag));
        }
        SimResult result = builder.build().run(Duration.ofMinutes(1));
        SeedRun.Builder run = SeedRun.builder();
        countStaleReads(result.history(), run);
        run.traceHash(result.traceHash());
        if (options.recordTrace()) {
            run.trace(result.trace());
        }
        return run.build();
    }

    /** The writer writes 1, 2, 3, ...; the readers read with {@code readOperation}. */
    private static OperationGenerator operations(String readOperation) {
        Map<Integer, Long> written = new HashMap<>();
        return (process, random) -> process == 0
                ? new OperationGenerator.Operation("write", KEY, written.merge(process, 1L, Long::sum))
                : new OperationGenerator.Operation(readOperation, KEY, null);
    }

    /** The leader's messages to the third server are lost for a while (none if it leads). */
    private static void lagTheFollower(SimControl control, Duration lag) {
        for (NodeId server : SERVERS) {
            if (!server.equals(LAGGING)
                    && control.node(server).orElse(null) instanceof CoordReplica replica
                    && replica.isLeader()) {
                control.clog(server, LAGGING, lag);
            }
        }
    }

    /**
     * A read that returned less than the highest value whose write completed before the read was
     * invoked missed an acknowledged write. The writer writes one increasing value at a time, so
     * that is exact.
     */
    static void countStaleReads(History history, SeedRun.Builder run) {
        long acknowledged = 0;
        Map<Integer, Long> acknowledgedAtInvoke = new HashMap<>();
        Map<Integer, Long> invokedAt = new HashMap<>();
        long reads = 0;
        for (Op op : history.ops()) {
            boolean write = op.f().equals("write");
            if (op.type() == OpType.INVOKE && !write) {
                acknowledgedAtInvoke.put(op.process(), acknowledged);
                invokedAt.put(op.process(), op.timeNanos());
            } else if (op.type() == OpType.OK && write) {
                acknowledged = Math.max(acknowledged, ((Number) op.value()).longValue());
            } else if (op.type() == OpType.OK) {
                reads++;
                long seen = op.value() == null ? 0 : ((Number) op.value()).longValue();
                long due = acknowledgedAtInvoke.getOrDefault(op.process(), 0L);
                if (seen < due) {
                    run.counter(STALE_READS, 1);
                    run.finding("stale read: process %d read %d at %.3f s; %d was acknowledged before it began"
                            .formatted(op.process(), seen, invokedAt.get(op.process()) / 1e9, due));
                }
            }
        }
        run.counter(READS, reads);
        run.counter(STALE_READS, 0);
    }
}
