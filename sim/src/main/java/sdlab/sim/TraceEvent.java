package sdlab.sim;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * One event of a recorded run. {@code node} is where it happens (the sender for SEND, DROP and
 * DUPLICATE; the receiver for DELIVER); {@code peer} is the other end of a message;
 * {@code messageId} links a SEND (or DUPLICATE) to its DELIVER or DROP, for space-time
 * diagrams. Fields that do not apply are null (node, peer), 0 (messageId) or "" (detail).
 */
public record TraceEvent(long timeNanos, Kind kind, NodeId node, NodeId peer, long messageId, String detail) {

    /** What happened. */
    public enum Kind {
        SEND,
        DELIVER,
        DROP,
        DUPLICATE,
        TIMER,
        CRASH,
        RESTART,
        PAUSE,
        RESUME,
        PARTITION,
        HEAL,
        SYNC,
        DISK_LOST,
        NOTE,
        INVOKE,
        COMPLETE
    }

    public TraceEvent {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /**
     * One stable, human-readable line, e.g.
     * {@code "   12.345ms SEND      n1 -> n3 #42 Put[key=k1, value=7]"}.
     */
    public String format() {
        StringBuilder line = new StringBuilder(96);
        line.append(VirtualTime.format(timeNanos)).append(' ').append(kind);
        line.append(" ".repeat(Math.max(1, 10 - kind.name().length())));
        line.append(node == null ? "-" : node.name());
        if (peer != null) {
            line.append(kind == Kind.DELIVER ? " <- " : " -> ").append(peer.name());
        }
        if (messageId != 0) {
            line.append(" #").append(messageId);
        }
        if (!detail.isEmpty()) {
            line.append(' ').append(detail);
        }
        return line.toString();
    }
}
