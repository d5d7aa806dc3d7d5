package sdlab.chapters.repl.failover;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;
import sdlab.repl.Entry;
import sdlab.repl.HealthCheck;
import sdlab.repl.ReplObserver;

/**
 * What the store reported in one run of chapter 12: every client write a primary committed (the manager's heartbeat
 * rows left out), every promotion and every discard. Times are the reporting node's clock, which drifts from the
 * run's time by at most the drift bound (a millisecond or two over a run).
 */
final class FailoverLedger implements ReplObserver {
    /** One commit: {@code node} committed {@code value} at {@code position}. */
    record Commit(NodeId node, long position, String value, long atNanos) {}

    /** {@code node} became primary at {@code atNanos}. */
    record Promotion(NodeId node, long atNanos) {}

    /** Bounds what one run may record: far above a run's few thousand commits. */
    private static final int COMMITS_MAX = 1_000_000;

    final List<Commit> commits = new ArrayList<>();
    final List<Promotion> promotions = new ArrayList<>();
    long discarded;
    int stepDowns;

    @Override
    public void committed(NodeId primary, Entry entry, CommitAck ack, long atNanos) {
        if (!entry.key().equals(HealthCheck.Query.KEY) && commits.size() < COMMITS_MAX) {
            commits.add(new Commit(primary, entry.position(), entry.value(), atNanos));
        }
    }

    @Override
    public void promoted(NodeId primary, long lastPosition, long atNanos) {
        promotions.add(new Promotion(primary, atNanos));
    }

    @Override
    public void discarded(NodeId node, NodeId primary, long entries, long atNanos) {
        discarded += entries;
    }

    @Override
    public void steppedDown(NodeId node, String reason, long atNanos) {
        stepDowns++;
    }
}
