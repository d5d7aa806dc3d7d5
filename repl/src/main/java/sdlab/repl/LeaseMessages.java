package sdlab.repl;

import sdlab.core.NodeId;

/**
 * The lease protocol between a primary (or a promoted replica), the failover manager and the {@link LeaseNode}: the
 * primary asks for the lease and renews it with the same request; the manager asks who holds it.
 */
public sealed interface LeaseMessages extends ReplFamily {

    /** Grant or renew the lease; {@code sentAtNanos} is the asker's clock, echoed so that it times the lease from it. */
    record LeaseRequest(long sentAtNanos) implements LeaseMessages {}

    /**
     * The lease is the asker's for {@code ttlNanos} from when it sent the request, under fencing {@code token}: a
     * token that grows with every new holder.
     */
    record LeaseGrant(long token, long ttlNanos, long echoSentAtNanos) implements LeaseMessages {}

    /** Another node, {@code holder}, holds the lease (or held it and its time, with the drift margin, is not over). */
    record LeaseRefused(NodeId holder, long echoSentAtNanos) implements LeaseMessages {}

    /** The manager asks who holds the lease; {@code round} matches the answer. */
    record LeaseQuery(long round) implements LeaseMessages {}

    /** Who holds the lease and under which token; {@code held} is false once its time ran out. */
    record LeaseInfo(long round, NodeId holder, long token, boolean held) implements LeaseMessages {}
}
