package sdlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import sdlab.core.NodeId;

/**
 * What goes wrong in a run, and when: partitions, clogged links, crashes with restart,
 * pauses and clock skew, in virtual time since the run's start. A plan is a value: the same
 * plan in the same simulation with the same seed gives the same run.
 *
 * <p>Write one by hand with {@link #builder()}, or draw one per seed with {@link #random}.
 */
public final class FaultPlan {

    private static final FaultPlan NONE = new FaultPlan(List.of());

    private final List<Fault> faults;

    private FaultPlan(List<Fault> faults) {
        this.faults = List.copyOf(faults);
    }

    /** The plan in which nothing goes wrong. */
    public static FaultPlan none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A swarm-style random plan: a random non-empty subset of the kinds {@code mix} allows,
     * then up to {@code mix.faultsPerRunMax()} faults of those kinds at random times within
     * {@code horizon}. Deterministic in {@code random}'s state.
     */
    public static FaultPlan random(FaultMix mix, List<NodeId> nodes, Duration horizon, RandomGenerator random) {
        return new FaultPlan(RandomFaults.draw(mix, nodes, horizon.toNanos(), random));
    }

    /** What happens when, ordered by time (ties in the order the plan lists them). */
    public List<FaultEvent> events() {
        List<FaultEvent> events = new ArrayList<>();
        for (Fault fault : faults) {
            events.addAll(fault.timeline());
        }
        events.sort(Comparator.comparingLong(FaultEvent::atNanos));
        return List.copyOf(events);
    }

    /** Every id the plan names. */
    public SortedSet<NodeId> nodes() {
        SortedSet<NodeId> ids = new TreeSet<>();
        for (FaultEvent event : events()) {
            ids.addAll(event.nodes());
        }
        return ids;
    }

    public boolean isEmpty() {
        return faults.isEmpty();
    }

    List<Fault> faults() {
        return faults;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FaultPlan[");
        for (FaultEvent event : events()) {
            text.append('\n').append(event.format());
        }
        return text.append(faults.isEmpty() ? "]" : "\n]").toString();
    }

    /** Builds a plan; all times are virtual time since the run's start. */
    public static final class Builder {
        private final List<Fault> faults = new ArrayList<>();

        private Builder() {}

        /** Cuts the links {@code partition} names from {@code at} for {@code length}. */
        public Builder partition(Duration at, Duration length, Partition partition) {
            Objects.requireNonNull(partition, "partition");
            faults.add(new Fault.PartitionFault(time(at, "at"), positive(length, "length"), partition));
            return this;
        }

        /** The directed link {@code from -> to} delivers nothing (and queues nothing) for {@code length}. */
        public Builder clog(Duration at, Duration length, NodeId from, NodeId to) {
            requireDistinct(from, to);
            faults.add(new Fault.ClogFault(time(at, "at"), positive(length, "length"), from, to));
            return this;
        }

        /** Crashes {@code node} at {@code at} and restarts it from its factory after {@code downFor}. */
        public Builder crash(Duration at, NodeId node, Duration downFor) {
            Objects.requireNonNull(node, "node");
            faults.add(new Fault.CrashFault(time(at, "at"), node, positive(downFor, "downFor")));
            return this;
        }

        /** Stalls {@code node} from {@code at} for {@code length}: its events wait until it resumes. */
        public Builder pause(Duration at, NodeId node, Duration length) {
            Objects.requireNonNull(node, "node");
            faults.add(new Fault.PauseFault(time(at, "at"), node, positive(length, "length")));
            return this;
        }

        /**
         * Gives {@code node}'s clock a fixed {@code offset} and a rate error of {@code driftPpm}
         * parts per million (positive runs fast) for the whole run; a later call for the same
         * node replaces an earlier one.
         */
        public Builder clockSkew(NodeId node, Duration offset, double driftPpm) {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(offset, "offset");
            if (!(Math.abs(driftPpm) <= 100_000)) {
                throw new IllegalArgumentException("driftPpm must be within +-100000, got " + driftPpm);
            }
            faults.removeIf(
                    f -> f instanceof Fault.SkewFault skew && skew.node().equals(node));
            faults.add(new Fault.SkewFault(node, offset.toNanos(), driftPpm));
            return this;
        }

        public FaultPlan build() {
            return faults.isEmpty() ? NONE : new FaultPlan(faults);
        }

        private static long time(Duration at, String name) {
            if (at == null || at.isNegative()) {
                throw new IllegalArgumentException(name + " must be a non-negative duration, got " + at);
            }
            return at.toNanos();
        }

        private static long positive(Duration length, String name) {
            if (length == null || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + length);
            }
            return length.toNanos();
        }

        private static void requireDistinct(NodeId from, NodeId to) {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a clog needs two different ids, got " + from + " twice");
            }
        }
    }
}
