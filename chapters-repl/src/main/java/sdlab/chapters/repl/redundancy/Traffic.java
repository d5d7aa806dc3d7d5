package sdlab.chapters.repl.redundancy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.repl.ArchiveMessages.Segment;
import sdlab.repl.ReplFamily;
import sdlab.repl.ReplMessages.Read;
import sdlab.repl.ReplMessages.ReadOk;
import sdlab.repl.ReplMessages.ReadRefused;
import sdlab.repl.ReplMessages.Ship;
import sdlab.runtime.wire.MessageCodec;

/**
 * What one run put on the network, counted at every sender as it sends ({@link TalliedNode}, {@link TalliedClient}).
 * Every message of the run is counted, and the total equals the simulator's own count of messages sent, which a test
 * checks; those sent in the steady state are also sized as the real cluster's wire format frames them ({@link
 * MessageCodec}, the codec {@code sdlab cluster start repl} sends with) and sorted by who talks to whom. One per run;
 * a run is single-threaded.
 */
final class Traffic {
    /** Who talks to whom. */
    enum Kind {
        /** A client's write and its answer. */
        WRITE,
        /** A client's read and its answer. */
        READ,
        /** Between two store nodes, carrying log entries: the copies themselves (shipments, archive segments). */
        COPY,
        /** Between two store nodes, carrying no entry: acknowledgements, progress reports, heartbeats, fetches. */
        FEEDBACK,
        /** To or from the failover manager: its heartbeats, questions and orders. */
        CONTROL
    }

    /** Counts of one kind. */
    static final class Count {
        long messages;
        long bytes;
    }

    private static final MessageCodec<ReplFamily> CODEC = MessageCodec.of(ReplFamily.class);

    private final Set<NodeId> stores;
    private final NodeId manager;
    private final long steadyFromNanos;
    private final long steadyUntilNanos;
    private final Map<Kind, Count> steady = new EnumMap<>(Kind.class);
    private long entriesCopied;
    private long messagesSent;

    /**
     * @param stores the store nodes: traffic between two of them is replication
     * @param manager the failover manager, or null
     * @param steadyFromNanos the start of the steady state whose traffic is kept by kind
     * @param steadyUntilNanos its end (exclusive)
     */
    Traffic(Set<NodeId> stores, NodeId manager, long steadyFromNanos, long steadyUntilNanos) {
        this.stores = Set.copyOf(stores);
        this.manager = manager;
        this.steadyFromNanos = steadyFromNanos;
        this.steadyUntilNanos = steadyUntilNanos;
        for (Kind kind : Kind.values()) {
            steady.put(kind, new Count());
        }
    }

    /** {@code from} sends {@code message} to {@code to} at {@code nowNanos}. */
    void sent(NodeId from, NodeId to, Message message, long nowNanos) {
        messagesSent++;
        if (nowNanos < steadyFromNanos || nowNanos >= steadyUntilNanos) {
            return;
        }
        int entries = entries(message);
        Count count = steady.get(kind(from, to, message, entries));
        count.messages++;
        count.bytes += CODEC.encode((ReplFamily) message).length;
        if (stores.contains(from) && stores.contains(to)) {
            entriesCopied += entries;
        }
    }

    /** Log entries sent from one store node to another in the steady state, shipped again ones included. */
    long steadyEntriesCopied() {
        return entriesCopied;
    }

    /** The steady state's traffic of one kind. */
    Count steady(Kind kind) {
        return steady.get(kind);
    }

    /** Every message sent in the run, of any kind at any time. */
    long messagesSent() {
        return messagesSent;
    }

    long steadyFromNanos() {
        return steadyFromNanos;
    }

    long steadyUntilNanos() {
        return steadyUntilNanos;
    }

    private Kind kind(NodeId from, NodeId to, Message message, int entries) {
        if (from.equals(manager) || to.equals(manager)) {
            return Kind.CONTROL;
        }
        if (stores.contains(from) && stores.contains(to)) {
            return entries > 0 ? Kind.COPY : Kind.FEEDBACK;
        }
        return message instanceof Read || message instanceof ReadOk || message instanceof ReadRefused
                ? Kind.READ
                : Kind.WRITE;
    }

    private static int entries(Message message) {
        return switch (message) {
            case Ship ship -> ship.entries().size();
            case Segment segment -> segment.entries().size();
            default -> 0;
        };
    }
}
