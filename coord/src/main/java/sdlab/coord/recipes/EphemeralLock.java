package sdlab.coord.recipes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import sdlab.coord.client.ZkSession;
import sdlab.coord.tree.Code;
import sdlab.coord.tree.CreateMode;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.Acl;
import sdlab.coord.wire.ClientRequest;
import sdlab.coord.wire.OpCode;
import sdlab.coord.wire.ServerResponse;
import sdlab.core.NodeContext;

/**
 * The lock as the simplest ZooKeeper code writes it: create the ephemeral znode {@code /lock};
 * if it exists, set an exists-watch on it and try again when it goes. Every waiter watches the
 * same znode, so every release wakes all of them and all but one fail again: the herd effect.
 *
 * <p>A create whose answer a lost connection swallowed may have taken the lock: the exists that
 * follows tells, by the znode's ephemeral owner, whether it is this session's.
 */
final class EphemeralLock implements LockRecipe {
    static final String PATH = "/lock";

    private enum Phase {
        IDLE,
        TRYING,
        HOLDING
    }

    private final ZkSession<NodeContext> session;
    private final Holder holder;
    private final byte[] owner;
    private Phase phase = Phase.IDLE;
    private int createXid;
    private int existsXid;
    private boolean expiredSinceGrant;
    private boolean toDelete;
    private int deleteXid;
    private int ownerCheckXid;

    EphemeralLock(ZkSession<NodeContext> session, Holder holder, String ownerName) {
        this.session = session;
        this.holder = holder;
        this.owner = ownerName.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void acquire(NodeContext ctx) {
        phase = Phase.TRYING;
        tryCreate(ctx);
    }

    private void tryCreate(NodeContext ctx) {
        if (session.connected()) {
            createXid = session.send(
                    new ClientRequest.Create(
                            OpCode.CREATE2, PATH, owner, List.of(Acl.OPEN_UNSAFE), CreateMode.EPHEMERAL.flag()),
                    ctx);
        }
    }

    private void watchLock(NodeContext ctx) {
        existsXid = session.send(new ClientRequest.Exists(PATH, true), ctx);
    }

    @Override
    public void reply(int xid, Code code, ServerResponse body, NodeContext ctx) {
        if (toDelete && xid == deleteXid) {
            toDelete = false; // deleted, or already gone
            return;
        }
        if (toDelete && xid == ownerCheckXid) {
            boolean mine = code == Code.OK
                    && body instanceof ServerResponse.Exists exists
                    && exists.stat().ephemeralOwner() == session.sessionId();
            toDelete = mine;
            if (mine) {
                deleteXid = session.send(new ClientRequest.Delete(PATH, -1), ctx);
            }
            return;
        }
        if (phase != Phase.TRYING) {
            return;
        }
        if (xid == createXid) {
            if (code == Code.OK && body instanceof ServerResponse.Create2 created) {
                grant(created.stat().czxid(), ctx);
            } else {
                watchLock(ctx); // NODEEXISTS, as a rule: wait for it to go
            }
        } else if (xid == existsXid) {
            if (code == Code.OK && body instanceof ServerResponse.Exists exists) {
                if (exists.stat().ephemeralOwner() == session.sessionId()) {
                    grant(exists.stat().czxid(), ctx); // a create whose answer was lost did take it
                }
                // Otherwise someone else holds it: the watch will say when it goes.
            } else {
                tryCreate(ctx); // gone between the create and the exists
            }
        }
    }

    private void grant(long token, NodeContext ctx) {
        phase = Phase.HOLDING;
        expiredSinceGrant = false;
        holder.granted(token, ctx);
    }

    @Override
    public void watchEvent(EventType type, String path, NodeContext ctx) {
        if (phase == Phase.TRYING && type == EventType.NODE_DELETED && PATH.equals(path)) {
            tryCreate(ctx);
        }
    }

    @Override
    public void connected(boolean newSession, NodeContext ctx) {
        toDelete &= !newSession; // a new session owns no znode
        if (toDelete) {
            // The delete sent before may have applied, and someone else may hold /lock now:
            // delete it only if it is still this session's.
            ownerCheckXid = session.send(new ClientRequest.Exists(PATH, false), ctx);
        }
        if (phase == Phase.TRYING) {
            tryCreate(ctx); // the create or the watch may have been lost with the connection
        }
    }

    @Override
    public void expired(NodeContext ctx) {
        toDelete = false;
        if (phase == Phase.HOLDING) {
            expiredSinceGrant = true;
            holder.lost("session expired", ctx);
        }
    }

    @Override
    public boolean stillHolds(NodeContext ctx) {
        return phase == Phase.HOLDING && !expiredSinceGrant;
    }

    @Override
    public void release(NodeContext ctx) {
        toDelete = phase == Phase.HOLDING && !expiredSinceGrant;
        phase = Phase.IDLE;
        sendDelete(ctx);
    }

    /**
     * Deletes {@code /lock} until the server answers (a lost delete would leave it held by a session
     * that released it). Version -1, as this recipe is written: the znode is this session's while
     * the session lives, and a session that expired never sends it.
     */
    private void sendDelete(NodeContext ctx) {
        if (toDelete && session.connected()) {
            deleteXid = session.send(new ClientRequest.Delete(PATH, -1), ctx);
        }
    }
}
