package sdlab.txlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import sdlab.core.Node;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.LiveNodes;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;

/**
 * The replication tests' world: controller c and brokers b1, b2, b3 holding topic "events" (one partition, replicated
 * on all three, led first by b1) over a jittery network (log-normal, median 0.5 ms), with test clients added by the
 * test. It checks, after every event, that no leader's high watermark passes the log end of a live member of its
 * in-sync set.
 */
final class ReplicationWorld {
    static final NodeId CONTROLLER = NodeId.of("c");
    static final NodeId B1 = NodeId.of("b1");
    static final NodeId B2 = NodeId.of("b2");
    static final NodeId B3 = NodeId.of("b3");
    static final List<NodeId> BROKERS = List.of(B1, B2, B3);
    static final TopicPartition EVENTS = new TopicPartition("events", 0);

    /** What a run left: the simulation (for its nodes) and its result (for the trace hash). */
    record Run(Simulation simulation, SimResult result) {
        LogBroker broker(NodeId id) {
            return (LogBroker) simulation.nodeAtEnd(id);
        }

        LogController controller() {
            return (LogController) simulation.nodeAtEnd(CONTROLLER);
        }

        <T extends Node> T node(String name, Class<T> type) {
            return type.cast(simulation.nodeAtEnd(NodeId.of(name)));
        }

        /** The live broker that leads the partition at the end, by the controller's word. */
        LogBroker leader() {
            NodeId leader = controller().state(EVENTS).orElseThrow().leader();
            if (leader == null) {
                throw new AssertionError("the partition has no leader at the end");
            }
            return broker(leader);
        }
    }

    private ReplicationWorld() {}

    static TxLogConfig config(int minIsr) {
        return TxLogConfig.of(Map.of("events", 1))
                .withReplication(ReplicationConfig.group(CONTROLLER, BROKERS, 3, minIsr));
    }

    /** A run of the group with the given clients, faults and steps, for {@code runMs}, with the invariant checked. */
    static Run run(
            long seed,
            TxLogConfig config,
            Map<String, Node> clients,
            FaultPlan faults,
            Consumer<Simulation.Builder> more,
            long runMs) {
        return run(seed, config, clients, faults, more, runMs, true);
    }

    /** The same, with the invariant checked only when {@code checked}: a planted bug's losses are measured without. */
    static Run run(
            long seed,
            TxLogConfig config,
            Map<String, Node> clients,
            FaultPlan faults,
            Consumer<Simulation.Builder> more,
            long runMs,
            boolean checked) {
        Simulation.Builder builder = Simulation.builder(seed)
                .network(NetworkConfig.reliable(Latency.logNormal(Duration.ofNanos(500_000), 0.6)))
                .addNode(CONTROLLER, any -> new LogController(config));
        for (NodeId broker : BROKERS) {
            builder.addNode(broker, any -> new LogBroker(config));
        }
        clients.forEach((name, node) -> builder.addNode(NodeId.of(name), any -> node));
        builder.faults(faults);
        if (checked) {
            builder.invariant(
                    "a leader's high watermark is within every live in-sync replica's log",
                    ReplicationWorld::highWatermarkWithinIsr);
        }
        more.accept(builder);
        Simulation simulation = builder.build();
        SimResult result = simulation.run(Duration.ofMillis(runMs));
        return new Run(simulation, result);
    }

    /** The invariant: for every live leader, every live member of its in-sync set holds the log up to its HW. */
    static void highWatermarkWithinIsr(LiveNodes nodes) {
        for (NodeId id : BROKERS) {
            Optional<Node> node = nodes.node(id);
            if (node.isEmpty() || !((LogBroker) node.get()).leads(EVENTS)) {
                continue;
            }
            LogBroker leader = (LogBroker) node.get();
            long hw = leader.highWatermark(EVENTS);
            for (NodeId member : leader.partitionState(EVENTS).orElseThrow().isr()) {
                Optional<Node> replica = nodes.node(member);
                if (replica.isPresent() && ((LogBroker) replica.get()).logEndOffset(EVENTS) < hw) {
                    throw new IllegalStateException(id + "'s high watermark " + hw + " is past " + member
                            + "'s log end " + ((LogBroker) replica.get()).logEndOffset(EVENTS));
                }
            }
        }
    }

    /** The acknowledged values the leader's log does not hold at the offset they were acknowledged at. */
    static List<String> lostAcknowledged(Run run, LoadProducer producer) {
        List<LogRecord> log = run.leader().records(EVENTS);
        long start = run.leader().logStartOffset(EVENTS);
        List<String> lost = new ArrayList<>();
        producer.acknowledged.forEach((value, offset) -> {
            int index = (int) (offset - start);
            if (index < 0 || index >= log.size() || !log.get(index).value().equals(value)) {
                lost.add(value);
            }
        });
        return lost;
    }

    /** The records a consumer read that the leader's log no longer holds at their offset. */
    static long readButLost(Run run, TailingConsumer consumer) {
        List<LogRecord> log = run.leader().records(EVENTS);
        return consumer.seen.entrySet().stream()
                .filter(e -> e.getKey() >= log.size()
                        || !log.get(e.getKey().intValue()).value().equals(e.getValue()))
                .count();
    }
}
