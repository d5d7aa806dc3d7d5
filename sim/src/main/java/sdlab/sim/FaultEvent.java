package sdlab.sim;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * One entry of a fault plan's timeline, for reports: what happens when, to whom.
 *
 * @param atNanos virtual time since the run's start
 * @param kind what happens
 * @param nodes the ids affected
 * @param description a short stable description, e.g. {@code {n1, n2} | {n3, n4, n5}}
 */
public record FaultEvent(long atNanos, Kind kind, List<NodeId> nodes, String description) {

    /** What a fault event does. */
    public enum Kind {
        PARTITION,
        HEAL,
        CLOG,
        UNCLOG,
        CRASH,
        RESTART,
        PAUSE,
        RESUME,
        CLOCK_SKEW
    }

    public FaultEvent {
        Objects.requireNonNull(kind, "kind");
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(description, "description");
    }

    /** One stable line, e.g. {@code "  1500.000ms PARTITION {n1} | {n2, n3}"}. */
    public String format() {
        return VirtualTime.format(atNanos) + " " + kind + " " + description;
    }
}
