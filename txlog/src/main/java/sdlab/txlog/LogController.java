package sdlab.txlog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.txlog.ReplicationMessages.AlterIsr;
import sdlab.txlog.ReplicationMessages.AlterIsrAnswer;
import sdlab.txlog.ReplicationMessages.BrokerHeartbeat;
import sdlab.txlog.ReplicationMessages.LeaderAndIsr;
import sdlab.txlog.ReplicationMessages.RegisterBroker;

/**
 * The controller of a group of brokers: one deterministic node that stands for Kafka's KRaft controller quorum (its
 * own failover is not modelled; it never crashes in the tests). It assigns each partition's replicas, round robin over
 * the brokers; fences a broker whose heartbeats stop for the session timeout, taking it out of every in-sync set and
 * electing a new leader (with a new leader epoch) where it led; takes a restarted broker, whose log is empty, out of
 * every in-sync set before counting it alive again; and decides every in-sync-set change a leader asks for, refusing
 * one from a stale epoch. It sends each decision to the partition's live replicas, and all of them again every
 * {@link #RESEND_MS} ms, so a lost message only delays a replica. Every {@code leaderImbalanceCheckMs} (when set) it
 * moves each partition's leadership back to its preferred replica once that one is alive and in sync again
 * ({@link PreferredLeader}), as Kafka's {@code auto.leader.rebalance.enable} does; Kafka waits until more than 10% of a
 * broker's partitions are led elsewhere, this controller moves every one it can at each check.
 */
public final class LogController implements Node {
    /** How often every partition's state goes out again to its live replicas. */
    static final long RESEND_MS = 50;

    record SessionCheck() implements Timer {}

    record Resend() implements Timer {}

    record ImbalanceCheck() implements Timer {}

    private final TxLogConfig config;
    private final ReplicationConfig replication;
    private final Map<TopicPartition, PartitionState> states = new TreeMap<>();
    private final Map<NodeId, Long> lastHeardNanos = new TreeMap<>();
    private final Set<NodeId> alive = new TreeSet<>();
    private int uncleanElections;
    private int preferredMoves;

    public LogController(TxLogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.replication = config.replication();
        if (replication.standaloneBroker()) {
            throw new IllegalArgumentException("a standalone broker has no controller");
        }
    }

    @Override
    public void onStart(NodeContext ctx, boolean restarted) {
        assignReplicas();
        for (NodeId broker : replication.brokers()) {
            alive.add(broker);
            lastHeardNanos.put(broker, ctx.nowNanos());
        }
        states.values().forEach(state -> announce(state, ctx));
        ctx.setTimer(Duration.ofMillis(replication.heartbeatMs()), new SessionCheck());
        ctx.setTimer(Duration.ofMillis(RESEND_MS), new Resend());
        if (replication.preferredLeaderMoves()) {
            ctx.setTimer(Duration.ofMillis(replication.leaderImbalanceCheckMs()), new ImbalanceCheck());
        }
    }

    /** Partition k's replicas are brokers k, k+1, ... (mod the group), so leaders spread over the brokers. */
    private void assignReplicas() {
        List<NodeId> brokers = replication.brokers();
        int k = 0;
        for (Map.Entry<String, Integer> topic : new TreeMap<>(config.partitionsByTopic()).entrySet()) {
            for (int p = 0; p < topic.getValue(); p++, k++) {
                List<NodeId> replicas = new ArrayList<>();
                for (int i = 0; i < replication.replicationFactor(); i++) {
                    replicas.add(brokers.get((k + i) % brokers.size()));
                }
                TopicPartition tp = new TopicPartition(topic.getKey(), p);
                states.put(tp, new PartitionState(tp, replicas, replicas.getFirst(), 0, replicas, 0));
            }
        }
    }

    @Override
    public void onMessage(NodeId from, Message message, NodeContext ctx) {
        if (!(message instanceof ReplicationMessages replicationMessage) || !lastHeardNanos.containsKey(from)) {
            return;
        }
        switch (replicationMessage) {
            case RegisterBroker register -> {
                if (register.restarted()) {
                    fence(from, true, ctx);
                }
                heardFrom(from, ctx);
                states.values().stream()
                        .filter(s -> s.replicas().contains(from))
                        .forEach(s -> ctx.send(from, new LeaderAndIsr(s)));
            }
            case BrokerHeartbeat beat -> heardFrom(from, ctx);
            case AlterIsr alter -> onAlterIsr(from, alter, ctx);
            default -> {}
        }
    }

    @Override
    public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
        switch (timer) {
            case SessionCheck check -> {
                long timeoutNanos = replication.sessionTimeoutMs() * 1_000_000L;
                for (NodeId broker : List.copyOf(alive)) {
                    if (ctx.nowNanos() - lastHeardNanos.get(broker) > timeoutNanos) {
                        fence(broker, false, ctx);
                    }
                }
                ctx.setTimer(Duration.ofMillis(replication.heartbeatMs()), check);
            }
            case Resend resend -> {
                states.values().forEach(state -> announce(state, ctx));
                ctx.setTimer(Duration.ofMillis(RESEND_MS), resend);
            }
            case ImbalanceCheck check -> {
                moveLeadersBack(ctx);
                ctx.setTimer(Duration.ofMillis(replication.leaderImbalanceCheckMs()), check);
            }
            default -> {}
        }
    }

    private void heardFrom(NodeId broker, NodeContext ctx) {
        lastHeardNanos.put(broker, ctx.nowNanos());
        if (alive.add(broker)) {
            ctx.note("controller: " + broker + " is back");
            for (PartitionState state : List.copyOf(states.values())) {
                if (state.leader() == null && state.replicas().contains(broker)) {
                    elect(state, state.isr(), ctx);
                }
            }
        }
    }

    /**
     * Takes {@code broker} out of every in-sync set and re-elects where it led. A broker that merely went silent stays
     * as the last member of a set it would empty, as in Kafka, since its log may come back whole; one that restarted
     * ({@code emptied}) lost its in-memory log and leaves even then.
     */
    private void fence(NodeId broker, boolean emptied, NodeContext ctx) {
        alive.remove(broker);
        ctx.note("controller: fences " + broker + (emptied ? ", which restarted with an empty log" : ", gone silent"));
        for (PartitionState state : List.copyOf(states.values())) {
            if (!state.replicas().contains(broker)) {
                continue;
            }
            List<NodeId> isr = new ArrayList<>(state.isr());
            if (emptied || isr.size() > 1) {
                isr.remove(broker);
            }
            if (broker.equals(state.leader())) {
                elect(state, isr, ctx);
            } else if (!isr.equals(state.isr())) {
                change(state.withIsr(isr), ctx);
            }
        }
    }

    private void elect(PartitionState state, List<NodeId> isr, NodeContext ctx) {
        LeaderElection.Elected elected = LeaderElection.elect(state, isr, alive, replication.uncleanLeaderElection());
        if (elected.unclean()) {
            uncleanElections++;
            ctx.note("controller: " + state.partition() + " elects " + elected.leader() + " from outside " + isr);
        }
        if (Objects.equals(elected.leader(), state.leader()) && elected.isr().equals(state.isr())) {
            return;
        }
        change(state.withLeader(elected.leader(), elected.isr()), ctx);
    }

    private void moveLeadersBack(NodeContext ctx) {
        boolean outsideIsr = config.bug() == TxLogConfig.Bug.PREFERRED_LEADER_OUTSIDE_ISR;
        for (PartitionState state : List.copyOf(states.values())) {
            PreferredLeader.moveBack(state, alive, outsideIsr).ifPresent(moved -> {
                preferredMoves++;
                ctx.note("controller: " + state.partition() + " moves back to its preferred leader " + moved.leader()
                        + " from " + state.leader() + " in epoch " + moved.leaderEpoch() + ", in sync " + moved.isr());
                change(moved, ctx);
            });
        }
    }

    private void onAlterIsr(NodeId from, AlterIsr alter, NodeContext ctx) {
        PartitionState state = states.get(alter.partition());
        if (state == null) {
            return;
        }
        boolean accepted = from.equals(state.leader())
                && alter.leaderEpoch() == state.leaderEpoch()
                && alter.partitionEpoch() == state.partitionEpoch()
                && alter.isr().contains(from)
                && state.replicas().containsAll(alter.isr())
                && alive.containsAll(alter.isr());
        if (accepted) {
            state = state.withIsr(alter.isr());
            states.put(state.partition(), state);
        }
        ctx.send(from, new AlterIsrAnswer(state, accepted));
    }

    private void change(PartitionState state, NodeContext ctx) {
        states.put(state.partition(), state);
        announce(state, ctx);
    }

    private void announce(PartitionState state, NodeContext ctx) {
        for (NodeId replica : state.replicas()) {
            if (alive.contains(replica)) {
                ctx.send(replica, new LeaderAndIsr(state));
            }
        }
    }

    /** The controller's current word about {@code partition}. */
    public Optional<PartitionState> state(TopicPartition partition) {
        return Optional.ofNullable(states.get(partition));
    }

    /** How many times leadership moved back to a preferred replica. */
    public int preferredMoves() {
        return preferredMoves;
    }

    /** How many elections picked a leader from outside the in-sync set. */
    public int uncleanElections() {
        return uncleanElections;
    }
}
