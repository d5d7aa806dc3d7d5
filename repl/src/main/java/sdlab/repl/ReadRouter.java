package sdlab.repl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.Bug;

/**
 * A balancer's decision, apart from any messaging: which node a read goes to under a {@link ReadPolicy}, from the
 * replicas in its pool, the latencies it observed and the lags it polled. The client and any real front door share
 * it.
 */
public final class ReadRouter {
    /** What a lag poll said of one replica. */
    private record Lag(boolean ready, long lagNanos) {}

    private final ReadPolicy policy;
    private final long lagBoundNanos;
    private final double ewmaWeight;
    private final Bug bug;
    private final List<NodeId> replicas = new ArrayList<>();
    private final Map<NodeId, Double> ewmaNanos = new HashMap<>();
    private final Map<NodeId, Lag> lags = new HashMap<>();
    private int turn;

    /**
     * @param lagBoundNanos the lag above which {@link ReadPolicy#LAG_AWARE} skips a replica
     * @param ewmaWeight the weight of the newest latency in {@link ReadPolicy#LEAST_LATENCY}'s average, in (0, 1]
     * @param bug {@link Bug#LAG_AWARE_IGNORES_LAG} plants a lag-aware balancer that ignores lag; anything else is none
     */
    public ReadRouter(ReadPolicy policy, List<NodeId> replicas, long lagBoundNanos, double ewmaWeight, Bug bug) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.lagBoundNanos = lagBoundNanos;
        this.ewmaWeight = ewmaWeight;
        this.bug = Objects.requireNonNull(bug, "bug");
        if (!(ewmaWeight > 0 && ewmaWeight <= 1)) {
            throw new IllegalArgumentException("the EWMA weight must be in (0, 1], got " + ewmaWeight);
        }
        replicas.forEach(this::add);
    }

    /** {@code replica} joins the pool (again: no change). */
    public void add(NodeId replica) {
        if (!replicas.contains(replica)) {
            replicas.add(replica);
        }
    }

    /** The replicas in the pool, in the order they joined. */
    public List<NodeId> replicas() {
        return List.copyOf(replicas);
    }

    /** Where the next read goes: a replica, or {@code primary} when the policy says so or no replica qualifies. */
    public NodeId choose(NodeId primary) {
        if (policy == ReadPolicy.PRIMARY || replicas.isEmpty()) {
            return primary;
        }
        return switch (policy) {
            case LEAST_LATENCY -> fastest();
            case LAG_AWARE -> nextWithin(primary);
            default -> next();
        };
    }

    /** A read to {@code node} took {@code nanos} (to its answer, whatever it was). */
    public void observed(NodeId node, long nanos) {
        // A node never tried counts as 0 ns, and its first latencies are blended into that 0: a new replica looks
        // fast for its first several reads, which is how a latency-seeking balancer piles reads onto it.
        double old = ewmaNanos(node);
        ewmaNanos.put(node, old + ewmaWeight * (nanos - old));
    }

    /** A lag poll's answer from {@code replica}. */
    public void lagReported(NodeId replica, boolean ready, long lagNanos) {
        lags.put(replica, new Lag(ready, lagNanos));
    }

    /** The moving average of {@code node}'s latency, or 0 before any read there. */
    public double ewmaNanos(NodeId node) {
        return ewmaNanos.getOrDefault(node, 0.0);
    }

    private NodeId next() {
        NodeId chosen = replicas.get(Math.floorMod(turn, replicas.size()));
        turn++;
        return chosen;
    }

    /** The lowest average; ties go to the next in turn, so that equal replicas share the reads. */
    private NodeId fastest() {
        NodeId best = null;
        double bestNanos = Double.MAX_VALUE;
        for (int i = 0; i < replicas.size(); i++) {
            NodeId candidate = replicas.get(Math.floorMod(turn + i, replicas.size()));
            double nanos = ewmaNanos(candidate);
            if (nanos < bestNanos) {
                best = candidate;
                bestNanos = nanos;
            }
        }
        turn++;
        return best;
    }

    private NodeId nextWithin(NodeId primary) {
        for (int i = 0; i < replicas.size(); i++) {
            NodeId candidate = next();
            if (bug == Bug.LAG_AWARE_IGNORES_LAG || within(candidate)) {
                return candidate;
            }
        }
        return primary;
    }

    private boolean within(NodeId replica) {
        Lag lag = lags.get(replica);
        return lag != null && lag.ready() && lag.lagNanos() <= lagBoundNanos;
    }
}
