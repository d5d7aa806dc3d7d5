package sdlab.repl;

import java.time.Duration;
import sdlab.core.NodeContext;
import sdlab.repl.LeaseMessages.LeaseGrant;
import sdlab.repl.LeaseMessages.LeaseRefused;
import sdlab.repl.LeaseMessages.LeaseRequest;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplTimers.LeaseLapse;
import sdlab.repl.ReplTimers.LeaseRenew;

/**
 * A primary's side of the lease: it asks for the lease when it becomes primary, renews it every
 * {@code renewEveryNanos}, and takes writes only while its lease runs. The lease runs from the moment the primary
 * <em>asked</em> (a grant that took long to arrive has used up part of its time) until the TTL less the drift
 * margin; when that moment comes without a renewal, the primary stops taking writes (it demotes itself) and keeps
 * asking. Writes it took earlier are still committed when their syncs complete: what stops those, if anything, is
 * the fencing token that the replicas check.
 *
 * <p>Without lease settings ({@link #none()}) a primary always takes writes and ships under token 0.
 */
final class LeaseKeeper {
    /**
     * The shortest wait before looking at the lease again: a drifting clock turns a nanosecond's timer into no progress
     * at all, so a shorter one could fire for ever.
     */
    private static final long LAPSE_RECHECK_MIN_NANOS = 1_000;

    private final LeaseSettings settings;
    private final Bug bug;
    private long token;
    private long validUntilNanos = Long.MIN_VALUE;
    private boolean writable;

    private LeaseKeeper(LeaseSettings settings, Bug bug, long tokenSeen) {
        this.settings = settings;
        this.bug = bug;
        this.token = tokenSeen;
        this.writable = settings == null;
    }

    /** A primary without a lease: always writable. */
    static LeaseKeeper none() {
        return new LeaseKeeper(null, Bug.NONE, 0);
    }

    /** A primary that must hold the lease; it ships under {@code tokenSeen} until it is granted its own. */
    static LeaseKeeper of(LeaseSettings settings, Bug bug, long tokenSeen) {
        return new LeaseKeeper(settings, bug, tokenSeen);
    }

    void start(NodeContext ctx) {
        if (settings != null) {
            renew(ctx);
        }
    }

    /** Whether the primary takes new writes now. */
    boolean writable() {
        return writable;
    }

    /** The token the primary ships under. */
    long token() {
        return token;
    }

    boolean fenced() {
        return settings != null && settings.fenced();
    }

    void onGrant(LeaseGrant grant, NodeContext ctx) {
        long until = grant.echoSentAtNanos() + grant.ttlNanos() - settings.driftMarginNanos();
        if (until <= ctx.nowNanos()) {
            return; // the grant arrived after its own end
        }
        if (!writable || grant.token() != token) {
            ctx.note("lease held under token " + grant.token());
        }
        token = grant.token();
        boolean armed = writable;
        validUntilNanos = Math.max(validUntilNanos, until);
        writable = true;
        if (!armed) {
            // One lapse timer at a time: when it fires early (the lease was extended), it sets itself again.
            ctx.setTimer(Duration.ofNanos(validUntilNanos - ctx.nowNanos()), new LeaseLapse());
        }
    }

    void onRefused(LeaseRefused refused, NodeContext ctx) {
        ctx.note("lease refused: " + refused.holder() + " holds it");
    }

    void onRenew(NodeContext ctx) {
        renew(ctx);
    }

    /** The lease may have run out: stop taking writes unless a later grant extended it. */
    void onLapse(NodeContext ctx) {
        if (!writable) {
            return;
        }
        if (ctx.nowNanos() < validUntilNanos) {
            // Extended by a later grant, or the timer came early by this clock's reading: look again then.
            ctx.setTimer(
                    Duration.ofNanos(Math.max(LAPSE_RECHECK_MIN_NANOS, validUntilNanos - ctx.nowNanos())),
                    new LeaseLapse());
            return;
        }
        if (bug == Bug.NO_SELF_DEMOTION) {
            return; // the planted bug: the primary goes on taking writes without a lease
        }
        writable = false;
        ctx.note("lease lapsed: no longer taking writes");
    }

    private void renew(NodeContext ctx) {
        ctx.send(settings.leaseNode(), new LeaseRequest(ctx.nowNanos()));
        ctx.setTimer(Duration.ofNanos(settings.renewEveryNanos()), new LeaseRenew());
    }
}
