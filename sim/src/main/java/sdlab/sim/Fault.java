package sdlab.sim;

import java.util.List;
import sdlab.core.NodeId;

/** One fault of a plan, as data; the simulation turns it into events at the named times. */
sealed interface Fault {

    /** When the fault starts, in nanoseconds of virtual time since the run's start. */
    long atNanos();

    /** The timeline entries of this fault (start and, where it ends, end), for reports. */
    List<FaultEvent> timeline();

    /** Cuts the links a partition names for {@code lengthNanos}. */
    record PartitionFault(long atNanos, long lengthNanos, Partition partition) implements Fault {
        @Override
        public List<FaultEvent> timeline() {
            List<NodeId> nodes = List.copyOf(partition.nodes());
            String text = partition.describe();
            return List.of(
                    new FaultEvent(atNanos, FaultEvent.Kind.PARTITION, nodes, text),
                    new FaultEvent(atNanos + lengthNanos, FaultEvent.Kind.HEAL, nodes, text));
        }
    }

    /** Cuts the single directed link {@code from -> to} for {@code lengthNanos}. */
    record ClogFault(long atNanos, long lengthNanos, NodeId from, NodeId to) implements Fault {
        @Override
        public List<FaultEvent> timeline() {
            String text = from + " -> " + to;
            return List.of(
                    new FaultEvent(atNanos, FaultEvent.Kind.CLOG, List.of(from, to), text),
                    new FaultEvent(atNanos + lengthNanos, FaultEvent.Kind.UNCLOG, List.of(from, to), text));
        }
    }

    /** Crashes {@code node} and restarts it from its factory {@code downNanos} later. */
    record CrashFault(long atNanos, NodeId node, long downNanos) implements Fault {
        @Override
        public List<FaultEvent> timeline() {
            return List.of(
                    new FaultEvent(atNanos, FaultEvent.Kind.CRASH, List.of(node), node.toString()),
                    new FaultEvent(atNanos + downNanos, FaultEvent.Kind.RESTART, List.of(node), node.toString()));
        }
    }

    /** Stalls {@code node} for {@code lengthNanos}: its events wait, as in a long GC pause. */
    record PauseFault(long atNanos, NodeId node, long lengthNanos) implements Fault {
        @Override
        public List<FaultEvent> timeline() {
            return List.of(
                    new FaultEvent(atNanos, FaultEvent.Kind.PAUSE, List.of(node), node.toString()),
                    new FaultEvent(atNanos + lengthNanos, FaultEvent.Kind.RESUME, List.of(node), node.toString()));
        }
    }

    /** Gives {@code node}'s clock a fixed offset and a rate error for the whole run. */
    record SkewFault(NodeId node, long offsetNanos, double driftPpm) implements Fault {
        @Override
        public long atNanos() {
            return 0;
        }

        @Override
        public List<FaultEvent> timeline() {
            String text = node + " offset " + VirtualTime.format(offsetNanos).strip() + ", drift " + driftPpm + " ppm";
            return List.of(new FaultEvent(0, FaultEvent.Kind.CLOCK_SKEW, List.of(node), text));
        }
    }
}
