package sdlab.core;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Everything a node may do to the world. The simulator implements it with virtual time and
 * seeded faults; the real runtime with sockets, files and the system clock.
 */
public interface NodeContext {

    /** This node's id. */
    NodeId self();

    /** Sends a message; the network may delay, drop, duplicate or reorder it. */
    void send(NodeId to, Message message);

    /** Schedules {@code timer} to fire after {@code delay} of this node's clock. */
    TimerId setTimer(Duration delay, Timer timer);

    /** Cancels a timer; cancelling one that already fired or was cancelled does nothing. */
    void cancelTimer(TimerId id);

    /** This node's clock, in nanoseconds; it may be skewed or drift relative to other nodes. */
    long nowNanos();

    /** This node's own random generator, split from the run's seed. */
    RandomGenerator random();

    /** This node's disk. */
    Disk disk();

    /** Adds a line to the run's trace, for explaining a run; has no other effect. */
    void note(String text);
}
