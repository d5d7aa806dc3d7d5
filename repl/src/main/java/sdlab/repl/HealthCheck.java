package sdlab.repl;

import java.util.function.Function;
import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.repl.LeaseMessages.LeaseInfo;
import sdlab.repl.LeaseMessages.LeaseQuery;
import sdlab.repl.ReplMessages.PortOpen;
import sdlab.repl.ReplMessages.PortProbe;
import sdlab.repl.ReplMessages.Write;
import sdlab.repl.ReplMessages.WriteOk;

/**
 * How the failover manager decides that the primary is healthy (the Strategy pattern): it sends one probe per round
 * and the probe passes if a matching answer comes back before the next round. Each check sees a different thing, and
 * chapter 12 measures what each one misses.
 */
public sealed interface HealthCheck {

    /** Sends this round's probe for {@code primary}. */
    void probe(NodeId primary, long round, NodeContext ctx);

    /** Whether {@code message} from {@code from} passes the probe of {@code round} for {@code primary}. */
    boolean passes(NodeId primary, long round, NodeId from, Message message);

    /** A short name for reports. */
    String name();

    /**
     * Whether a probe that got no answer in its round counts as failed. It does for a probe of the primary itself,
     * whose silence is what the check looks for; not for a probe of a third party, whose silence says nothing about
     * the primary.
     */
    default boolean silenceFails() {
        return true;
    }

    /** Whether {@code message} is the answer to the probe of {@code round}, passing or not. */
    default boolean answers(long round, Message message) {
        return false;
    }

    /** How long after a promotion the new primary is not probed: the time it needs before it can pass. */
    default long graceAfterPromotionNanos() {
        return 0;
    }

    /**
     * TCP-port liveness: connect to the primary's port. The host's kernel answers ({@link PortListener}), so a paused
     * process and a process stuck on its disk pass; a crashed process or a network cut fails.
     *
     * @param listenerOf the listener node of each store node (its host's kernel)
     */
    record Port(Function<NodeId, NodeId> listenerOf) implements HealthCheck {
        @Override
        public void probe(NodeId primary, long round, NodeContext ctx) {
            ctx.send(listenerOf.apply(primary), new PortProbe(round));
        }

        @Override
        public boolean passes(NodeId primary, long round, NodeId from, Message message) {
            return message instanceof PortOpen open && open.round() == round && from.equals(listenerOf.apply(primary));
        }

        @Override
        public String name() {
            return "port";
        }
    }

    /**
     * An application-level query: a write of a heartbeat row through the primary ({@code pt-heartbeat}'s way), which
     * passes only if the primary commits it before the next round. A paused primary, a stuck disk and a primary that
     * does not take writes all fail it.
     *
     * @param graceNanos how long a promoted node is given before it must pass: 0 for a standby that takes writes at
     *     once, the restore time for one that must first be started and restored ({@link ColdStandby})
     */
    record Query(long graceNanos) implements HealthCheck {
        /** The key the heartbeat writes; experiments leave it out of what they count. */
        public static final String KEY = "_heartbeat";

        public Query {
            if (graceNanos < 0) {
                throw new IllegalArgumentException("the grace cannot be negative");
            }
        }

        /** A query check for standbys that take writes as soon as they are promoted. */
        public Query() {
            this(0);
        }

        @Override
        public void probe(NodeId primary, long round, NodeContext ctx) {
            ctx.send(primary, new Write(round, KEY, "h" + round));
        }

        @Override
        public boolean passes(NodeId primary, long round, NodeId from, Message message) {
            return message instanceof WriteOk ok && ok.requestId() == round && from.equals(primary);
        }

        @Override
        public String name() {
            return "query";
        }

        @Override
        public long graceAfterPromotionNanos() {
            return graceNanos;
        }
    }

    /**
     * The lease: ask the lease service whether the primary's lease still runs. The primary itself is not asked; the
     * check fails once the primary stopped renewing, whatever the reason, and the service will hand the lease to
     * the promoted node only after the old one's time is over.
     *
     * @param leaseNode the lease service
     * @param graceNanos how long a promoted node may take to be granted the lease: the old holder's TTL, the drift
     *     margin and a renewal
     */
    record Lease(NodeId leaseNode, long graceNanos) implements HealthCheck {
        @Override
        public void probe(NodeId primary, long round, NodeContext ctx) {
            ctx.send(leaseNode, new LeaseQuery(round));
        }

        @Override
        public boolean passes(NodeId primary, long round, NodeId from, Message message) {
            return message instanceof LeaseInfo info
                    && info.round() == round
                    && info.held()
                    && primary.equals(info.holder());
        }

        @Override
        public String name() {
            return "lease";
        }

        /**
         * A lease service that does not answer (paused, cut off from the manager) cannot say that the lease ran out,
         * and the primary may well still hold it and commit. Failing over then promotes a replica at the position it
         * has while the old primary goes on committing until its lease lapses, with another replica's
         * acknowledgements, and the new primary's history lacks those acknowledged writes (`cluster test repl` with
         * the lease service paused showed it).
         */
        @Override
        public boolean silenceFails() {
            return false;
        }

        @Override
        public boolean answers(long round, Message message) {
            return message instanceof LeaseInfo info && info.round() == round;
        }

        @Override
        public long graceAfterPromotionNanos() {
            return graceNanos;
        }
    }
}
