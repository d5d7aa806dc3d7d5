package sdlab.sim;

import java.time.Duration;
import java.util.Optional;
import sdlab.core.Node;
import sdlab.core.NodeId;

/**
 * What a scheduled action may see and do while a run is going: look at nodes, and inject
 * faults that depend on the run's state, such as "pause whichever node leads now" (Jepsen's
 * targeted nemeses). Actions run inside the event loop, so they are as deterministic as the
 * rest of the run. Given to actions registered with {@link Simulation.Builder#at} and
 * {@link Simulation.Builder#every}.
 */
public interface SimControl {

    /** The virtual time now, in nanoseconds since the run's start. */
    long nowNanos();

    /** The live object of node {@code id}, or empty while it is down. */
    Optional<Node> node(NodeId id);

    /** Crashes node {@code id} now and restarts it after {@code downFor}. */
    void crash(NodeId id, Duration downFor);

    /** Pauses node or client {@code id} now for {@code length}. */
    void pause(NodeId id, Duration length);

    /** Cuts the links {@code partition} names, now, for {@code length}. */
    void partition(Partition partition, Duration length);

    /** Clogs the directed link {@code from -> to} now for {@code length}. */
    void clog(NodeId from, NodeId to, Duration length);

    /** Adds a line to the trace. */
    void note(String text);
}
