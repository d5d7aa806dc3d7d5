package sdlab.shard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import sdlab.core.NodeId;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.shard.partition.ConsistentHashPartitioner;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.partition.Partitioner;
import sdlab.shard.store.ShardMessage.ChangeInForce;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * The rebalance tests' world: s3 joins a ring of s0..s2 (an operator asks, 2,000 keys are there) while four routers
 * write keys and read back what they wrote; the network between the store's nodes loses what {@link
 * DroppingNode.Drops} says, the fault plan crashes what it names. What it returns is what the checks need: whether the
 * change came in force, every shard's entries at the end, and the reads that saw less than an acknowledged write.
 */
final class RebalanceWorld {
    static final NodeId OPERATOR = NodeId.of("operator");
    static final List<NodeId> SHARDS = StoreWorld.shards(4);
    static final NodeId JOINER = SHARDS.get(3);
    static final int KEYS = 2_000;
    private static final List<NodeId> ROUTERS =
            IntStream.range(0, 4).mapToObj(i -> NodeId.of("c" + i)).toList();
    /** Keys the routers write by default: few, so that each is overwritten and its value rises. */
    static final int KEYS_OVERWRITTEN = 400;

    /** How one run is set up. */
    record Setup(
            long seed,
            DroppingNode.Drops drops,
            long resendEveryNanos,
            ShardSettings.Durability durability,
            ShardSettings.Durability placementDurability,
            FaultPlan faults,
            int keysWritten) {
        static Setup lossy(long seed, DroppingNode.Drops drops) {
            return new Setup(
                    seed,
                    drops,
                    ShardSettings.RESEND_EVERY_NANOS_DEFAULT,
                    ShardSettings.Durability.MEMORY,
                    ShardSettings.Durability.MEMORY,
                    FaultPlan.none(),
                    KEYS_OVERWRITTEN);
        }

        Setup withResendEvery(long nanos) {
            return new Setup(seed, drops, nanos, durability, placementDurability, faults, keysWritten);
        }

        /**
         * Shards kept as {@code kept} says, crashed as {@code plan} says, and each key written once at most, so that a
         * write lost in a crash is not hidden by a later one.
         */
        Setup durable(ShardSettings.Durability kept, FaultPlan plan) {
            return new Setup(seed, drops, resendEveryNanos, kept, placementDurability, plan, KEYS);
        }

        /** The placement node's tables kept as {@code kept} says. */
        Setup placementKept(ShardSettings.Durability kept) {
            return new Setup(seed, drops, resendEveryNanos, durability, kept, faults, keysWritten);
        }
    }

    /**
     * What one run showed.
     *
     * @param change the operator's join, if it came in force before the operator's deadline
     * @param data every shard's entries at the end, merged; {@code keysHeld} counts them with keys held twice
     * @param lostWrites keys whose final value is below their last acknowledged write (values only rise)
     * @param staleReads reads that answered less than a write acknowledged before they began
     * @param shardsBehind shards whose table at the end is older than the placement node's
     * @param joinAskedNanos when the operator asked for the join (-1 if it never did)
     * @param placementEpoch the placement node's epoch at the end
     * @param newestShardEpoch the newest epoch any shard holds at the end
     * @param handoffsRetained shards still waiting for a handoff's acknowledgement at the end
     */
    record Run(
            Optional<ChangeInForce> change,
            long joinAskedNanos,
            Map<String, Long> data,
            long keysHeld,
            List<String> lostWrites,
            List<String> staleReads,
            long servedNotOwned,
            List<NodeId> shardsBehind,
            long placementEpoch,
            long newestShardEpoch,
            List<NodeId> handoffsRetained,
            long messagesDropped,
            long writesAcknowledged,
            long readsChecked,
            long traceHash) {}

    private RebalanceWorld() {}

    static Run run(Setup setup) {
        StoreWorld.Seen seen = new StoreWorld.Seen();
        long[] dropped = {0};
        DroppingNode.Drops counted = (from, to, message, now, random) -> {
            boolean drop = setup.drops().drop(from, to, message, now, random);
            dropped[0] += drop ? 1 : 0;
            return drop;
        };
        Partitioner ring = new ConsistentHashPartitioner(SHARDS.subList(0, 3), 256, KeyHash.stable());
        RoutingTable table = RoutingTable.first(ring);
        ShardSettings shard =
                StoreWorld.SHARD.withResendEvery(setup.resendEveryNanos()).withDurability(setup.durability());
        PlacementSettings placement = PlacementSettings.fixed()
                .withResendEvery(setup.resendEveryNanos())
                .withDurability(setup.placementDurability());
        Simulation.Builder builder = Simulation.builder(setup.seed())
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(250_000), 0.5)))
                .disk(DiskConfig.defaults().withSyncLatency(Latency.constant(Duration.ofMillis(10))))
                .faults(setup.faults())
                .addNode(
                        StoreWorld.PLACEMENT,
                        id -> new DroppingNode(new PlacementNode(table, placement, seen), counted));
        for (NodeId id : SHARDS) {
            SortedMap<String, Long> own = new TreeMap<>();
            for (int k = 0; k < KEYS; k++) {
                if (ring.shards().contains(id) && ring.ownerOf(key(k)).equals(id)) {
                    own.put(key(k), 0L);
                }
            }
            builder.addNode(id, n -> new DroppingNode(new ShardNode(table, own, shard, seen), counted));
        }
        RouterSettings router =
                new RouterSettings(StoreWorld.PLACEMENT, Duration.ofSeconds(2).toNanos(), RouterSettings.Bug.NONE);
        ROUTERS.forEach(c -> builder.addClient(c, new ShardRouter(router, seen)));
        builder.addClient(
                OPERATOR,
                new PlacementOperator(
                        StoreWorld.PLACEMENT, Duration.ofSeconds(10).toNanos()));
        List<NodeId> clients = new ArrayList<>(ROUTERS);
        clients.add(OPERATOR);
        builder.workload(Workload.closedLoop(
                clients, writesReadsThenJoin(setup.keysWritten()), 400, Latency.constant(Duration.ofMillis(2))));
        seen.simulation = builder.build();
        seen.result = seen.simulation.run(Duration.ofSeconds(20));
        return summarise(seen, dropped[0]);
    }

    private static Run summarise(StoreWorld.Seen seen, long dropped) {
        List<Op> ops = seen.result.history().ops();
        Optional<ChangeInForce> change = ops.stream()
                .filter(op -> op.type() == OpType.OK && op.f().equals(PlacementOperator.JOIN))
                .map(op -> (ChangeInForce) op.value())
                .findFirst();
        long joinAsked = ops.stream()
                .filter(op -> op.type() == OpType.INVOKE && op.f().equals(PlacementOperator.JOIN))
                .mapToLong(Op::timeNanos)
                .findFirst()
                .orElse(-1);
        Map<String, Long> lastAcked = new TreeMap<>();
        Map<Integer, Long> floorAtInvoke = new TreeMap<>();
        List<String> staleReads = new ArrayList<>();
        long writes = 0;
        long reads = 0;
        for (Op op : ops) {
            boolean get = op.f().equals(ShardRouter.GET);
            if (op.type() == OpType.INVOKE && get) {
                floorAtInvoke.put(op.process(), lastAcked.get(op.key()));
            } else if (op.type() == OpType.OK && get) {
                reads++;
                Long floor = floorAtInvoke.get(op.process());
                Long value = (Long) op.value();
                if (floor != null && (value == null || value < floor)) {
                    staleReads.add(op.key() + " read " + value + " after " + floor + " was acknowledged");
                }
            } else if (op.type() == OpType.OK && op.f().equals(ShardRouter.PUT)) {
                writes++;
                lastAcked.merge(op.key(), (Long) op.value(), Math::max);
            }
        }
        Map<String, Long> data = new TreeMap<>();
        long keysHeld = 0;
        List<NodeId> behind = new ArrayList<>();
        List<NodeId> retaining = new ArrayList<>();
        long newestShardEpoch = 0;
        PlacementNode placement =
                (PlacementNode) ((DroppingNode) seen.simulation.nodeAtEnd(StoreWorld.PLACEMENT)).inner();
        for (NodeId id : SHARDS) {
            ShardNode node = (ShardNode) ((DroppingNode) seen.simulation.nodeAtEnd(id)).inner();
            data.putAll(node.data());
            keysHeld += node.data().size();
            newestShardEpoch = Math.max(newestShardEpoch, node.table().epoch());
            if (node.table().epoch() < placement.table().epoch()) {
                behind.add(id);
            }
            if (node.retainsHandoffs()) {
                retaining.add(id);
            }
        }
        List<String> lost = new ArrayList<>();
        lastAcked.forEach((key, value) -> {
            Long kept = data.get(key);
            if (kept == null || kept < value) {
                lost.add(key + " holds " + kept + ", acknowledged " + value);
            }
        });
        return new Run(
                change,
                joinAsked,
                data,
                keysHeld,
                lost,
                staleReads,
                seen.servedNotOwned,
                behind,
                placement.table().epoch(),
                newestShardEpoch,
                retaining,
                dropped,
                writes,
                reads,
                seen.result.traceHash());
    }

    /**
     * Router p alternates: a put of key p, p+4, ... (cycling over {@code keysWritten} keys) with its operation count,
     * then a get of the key it just wrote; the operator asks s3 to join after 100 table reads.
     */
    private static OperationGenerator writesReadsThenJoin(int keysWritten) {
        Map<Integer, Integer> count = new TreeMap<>();
        return (process, random) -> {
            int n = count.merge(process, 1, Integer::sum);
            if (process == ROUTERS.size()) {
                return n == 100
                        ? new OperationGenerator.Operation(PlacementOperator.JOIN, JOINER.name(), null)
                        : new OperationGenerator.Operation(PlacementOperator.TABLE, null, null);
            }
            int k = (process + ROUTERS.size() * (n / 2)) % keysWritten;
            return n % 2 == 0
                    ? new OperationGenerator.Operation(ShardRouter.PUT, key(k), (long) n)
                    : new OperationGenerator.Operation(ShardRouter.GET, key(k), null);
        };
    }

    static String key(int k) {
        return "key-%05d".formatted(k);
    }
}
