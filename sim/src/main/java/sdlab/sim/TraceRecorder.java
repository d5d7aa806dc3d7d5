package sdlab.sim;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;

/**
 * Hashes every event of a run into one 64-bit value and, if asked, keeps the events.
 *
 * <p>The hash is always on: two runs with the same seed must agree on it, which is the
 * simulator's own determinism check. It folds in each event's time, kind, node, peer,
 * message id and a {@link StableHash} of its subject (the message, timer, invocation or
 * outcome). Strings for the kept trace are built only when the trace is kept. A run may turn the
 * hash off when nobody reads it (a sweep's lean runs); nothing is then hashed and the hash stays 0.
 */
final class TraceRecorder {

    static final int NONE = -1;

    private final boolean keep;
    private final boolean hashing;
    private final NodeId[] ids;
    private final long[] nameHashes;
    private final List<TraceEvent> events = new ArrayList<>();
    private long hash = 0x6a09e667f3bcc908L;

    TraceRecorder(boolean keep, boolean hashing, NodeId[] ids) {
        this.keep = keep;
        this.hashing = hashing;
        this.ids = ids.clone();
        this.nameHashes = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            nameHashes[i] = Seeds.hash64(ids[i].name());
        }
    }

    boolean keeping() {
        return keep;
    }

    /** Whether events are hashed; callers skip hashing an event's subject when not. */
    boolean hashing() {
        return hashing;
    }

    /**
     * Records an event. {@code detailHash} must be a stable hash of everything the event's
     * detail says (its subject and reason); the reason is used only to render the kept trace.
     */
    void record(
            long timeNanos,
            TraceEvent.Kind kind,
            int node,
            int peer,
            long messageId,
            long detailHash,
            Object subject,
            String reason) {
        if (hashing) {
            mix(timeNanos);
            mix(kind.ordinal());
            mix(node == NONE ? 0 : nameHashes[node]);
            mix(peer == NONE ? 0 : nameHashes[peer]);
            mix(messageId);
            mix(detailHash);
        }
        if (keep) {
            events.add(new TraceEvent(timeNanos, kind, id(node), id(peer), messageId, detail(subject, reason)));
        }
    }

    /** Records an event about {@code subject} (or none), with an optional reason. */
    void record(long timeNanos, TraceEvent.Kind kind, int node, int peer, Object subject, String reason) {
        long detailHash = hashing ? detailHash(StableHash.of(subject), reason) : 0;
        record(timeNanos, kind, node, peer, 0, detailHash, subject, reason);
    }

    /** The detail hash of a subject with a reason. */
    static long detailHash(int subjectHash, String reason) {
        return subjectHash * 31L + (reason == null ? 0 : reason.hashCode());
    }

    long hash() {
        return hashing ? hash : 0;
    }

    List<TraceEvent> events() {
        return events;
    }

    private void mix(long value) {
        long h = (hash ^ value) * 0x9e3779b97f4a7c15L;
        hash = h ^ (h >>> 29);
    }

    private NodeId id(int index) {
        return index == NONE ? null : ids[index];
    }

    private static String detail(Object subject, String reason) {
        if (subject == null) {
            return reason == null ? "" : reason;
        }
        return reason == null ? subject.toString() : reason + ": " + subject;
    }
}
