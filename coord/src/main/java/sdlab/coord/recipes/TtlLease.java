package sdlab.coord.recipes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import sdlab.coord.client.ZkSession;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.ServerResponse;
import sdlab.core.NodeContext;
import sdlab.core.Timer;

/**
 * A lease on a TTL znode: create {@code /lease} with a TTL; whoever creates it holds the lease
 * for the TTL after each request that renewed it (the create, then a setData every third of the
 * TTL), measured on the holder's own clock from the moment it sent the request, which is no later
 * than the moment the server stamped it. No session keeps it: the leader removes the znode once it
 * has gone unmodified for the TTL. Waiters watch it, as with the plain ephemeral lock.
 *
 * <p>The holder checks its lease before it acts ({@link #stillHolds}); what it cannot check is
 * the time between that check and the act reaching the data.
 */
final class TtlLease implements LockRecipe {
    static final String PATH = "/lease";

    private enum Phase {
        IDLE,
        TRYING,
        HOLDING
    }

    /** Time to renew the lease held since grant {@code grant}. */
    record RenewDue(long grant) implements Timer {}

    private final ZkSession<NodeContext> session;
    private final Holder holder;
    private final String ownerName;
    private final long ttlMs;
    private Phase phase = Phase.IDLE;
    private byte[] mark = new byte[0];
    private long grants;
    private int createXid;
    private int watchXid;
    private int renewXid;
    private long renewSentAtNanos;
    private long leaseEndNanos;
    private int version;

    TtlLease(ZkSession<NodeContext> session, Holder holder, String ownerName, long ttlMs) {
        this.session = session;
        this.holder = holder;
        this.ownerName = ownerName;
        this.ttlMs = ttlMs;
    }

    @Override
    public void acquire(NodeContext ctx) {
        phase = Phase.TRYING;
        // A mark unique to this attempt tells, after a lost answer, whether the lease is this attempt's.
        mark = (ownerName + "#" + (grants + 1)).getBytes(StandardCharsets.UTF_8);
        tryCreate(ctx);
    }

    private void tryCreate(NodeContext ctx) {
        if (session.connected() && phase == Phase.TRYING) {
            renewSentAtNanos = ctx.nowNanos();
            createXid = session.send(
                    new ClientRequest.CreateTtl(
                            PATH, mark, List.of(Acl.OPEN_UNSAFE), CreateMode.PERSISTENT_WITH_TTL.flag(), ttlMs),
                    ctx);
        }
    }

    @Override
    public void reply(int xid, Code code, ServerResponse body, NodeContext ctx) {
        if (phase == Phase.TRYING && xid == createXid) {
            if (code == Code.OK && body instanceof ServerResponse.Create2 created) {
                grant(created.stat().czxid(), created.stat().version(), ctx);
            } else {
                watchXid = session.send(new ClientRequest.GetData(PATH, true), ctx);
            }
        } else if (phase == Phase.TRYING && xid == watchXid) {
            if (code != Code.OK) {
                tryCreate(ctx); // gone since the create failed
            } else if (body instanceof ServerResponse.GetData data && Arrays.equals(data.data(), mark)) {
                grant(data.stat().czxid(), data.stat().version(), ctx); // a create whose answer was lost
            }
        } else if (phase == Phase.HOLDING && xid == renewXid) {
            if (code == Code.OK && body instanceof ServerResponse.SetData set) {
                version = set.stat().version();
                leaseEndNanos = renewSentAtNanos + Duration.ofMillis(ttlMs).toNanos();
            } else {
                phase = Phase.IDLE; // removed, or someone else's now
                holder.lost("lease renewal answered " + code, ctx);
            }
        }
    }

    private void grant(long token, int grantedVersion, NodeContext ctx) {
        phase = Phase.HOLDING;
        version = grantedVersion;
        leaseEndNanos = renewSentAtNanos + Duration.ofMillis(ttlMs).toNanos();
        grants++;
        ctx.setTimer(Duration.ofMillis(ttlMs / 3), new RenewDue(grants));
        holder.granted(token, ctx);
    }

    /** Renews the lease every third of its TTL while it is held. */
    @Override
    public boolean onTimer(Timer timer, NodeContext ctx) {
        if (!(timer instanceof RenewDue due)) {
            return false;
        }
        if (phase != Phase.HOLDING || due.grant() != grants) {
            return true;
        }
        // Renew only a lease still its own by its clock: once it has run out the server may have
        // removed it and a successor made a new /lease, whose version starts at 0 again.
        if (session.connected() && stillHolds(ctx)) {
            renewSentAtNanos = ctx.nowNanos();
            renewXid = session.send(new ClientRequest.SetData(PATH, mark, version), ctx);
        }
        ctx.setTimer(Duration.ofMillis(ttlMs / 3), new RenewDue(grants));
        return true;
    }

    @Override
    public void watchEvent(EventType type, String path, NodeContext ctx) {
        // A data watch fires on the holder's every renewal too, and fires once: whatever the event,
        // try again, which sets the watch again if the lease is still held. So each renewal wakes
        // every waiter, a cost of renewing a lease that others watch.
        if (phase == Phase.TRYING && PATH.equals(path)) {
            tryCreate(ctx);
        }
    }

    @Override
    public void connected(boolean newSession, NodeContext ctx) {
        tryCreate(ctx); // the create or the watch may have been lost with the connection
    }

    @Override
    public void expired(NodeContext ctx) {
        // The lease does not live in the session.
    }

    @Override
    public boolean stillHolds(NodeContext ctx) {
        return phase == Phase.HOLDING && ctx.nowNanos() < leaseEndNanos;
    }

    /**
     * Deletes the lease at the version this holder last wrote, once, and only while the lease is
     * still its own by its clock and the session is connected. A delete sent later (after a
     * reconnection, or once the lease has run out) could remove a successor's new {@code /lease},
     * whose version starts at 0 again; a lease not deleted simply runs out on the server.
     */
    @Override
    public void release(NodeContext ctx) {
        if (stillHolds(ctx) && session.connected()) {
            session.send(new ClientRequest.Delete(PATH, version), ctx);
        }
        phase = Phase.IDLE;
    }
}
