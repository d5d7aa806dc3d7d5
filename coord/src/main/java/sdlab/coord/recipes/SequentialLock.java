package sdlab.coord.recipes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * ZooKeeper's lock recipe, as Curator's {@code InterProcessMutex} runs it: each contender creates
 * an ephemeral-sequential child of {@code /locks}; the one with the lowest sequence number holds
 * the lock; every other sets an exists-watch on the child just before its own and looks again
 * when that one goes. A release therefore wakes one waiter, not all.
 *
 * <p>Children are named {@code <client>-lock-<sequence>}, Curator's "protected" mode: after a
 * connection loss swallowed the create's answer, the client finds its own child by its prefix
 * instead of creating a second one.
 */
final class SequentialLock implements LockRecipe {
    static final String DIR = "/locks";
    private static final byte[] NO_DATA = new byte[0];

    private enum Phase {
        IDLE,
        TRYING,
        HOLDING
    }

    private enum Step {
        PARENT,
        CREATE,
        FIND_OWN,
        STAT_OWN,
        CHILDREN,
        WATCH
    }

    private final ZkSession<NodeContext> session;
    private final Holder holder;
    private final String prefix;
    private final boolean watchParent;
    private Phase phase = Phase.IDLE;
    private Step step;
    private int stepXid;
    private boolean parentMade;
    private boolean createSent;
    private String ownName;
    private long token;
    private String toDelete;
    private int deleteXid;

    SequentialLock(ZkSession<NodeContext> session, Holder holder, String ownerName, LockConfig.Bug bug) {
        this.session = session;
        this.holder = holder;
        this.prefix = ownerName + "-lock-";
        this.watchParent = bug == LockConfig.Bug.WATCH_PARENT;
    }

    @Override
    public void acquire(NodeContext ctx) {
        phase = Phase.TRYING;
        ownName = null;
        createSent = false;
        next(ctx);
    }

    /** The next step of taking the lock from what is known, if connected. */
    private void next(NodeContext ctx) {
        if (!session.connected() || phase != Phase.TRYING) {
            return;
        }
        if (!parentMade) {
            send(Step.PARENT, new ClientRequest.Create(OpCode.CREATE, DIR, NO_DATA, List.of(Acl.OPEN_UNSAFE), 0), ctx);
        } else if (ownName == null && createSent) {
            send(Step.FIND_OWN, new ClientRequest.GetChildren(OpCode.GET_CHILDREN, DIR, false), ctx);
        } else if (ownName == null) {
            createSent = true;
            int flags = CreateMode.EPHEMERAL_SEQUENTIAL.flag();
            send(
                    Step.CREATE,
                    new ClientRequest.Create(
                            OpCode.CREATE2, DIR + "/" + prefix, NO_DATA, List.of(Acl.OPEN_UNSAFE), flags),
                    ctx);
        } else {
            send(Step.CHILDREN, new ClientRequest.GetChildren(OpCode.GET_CHILDREN, DIR, watchParent), ctx);
        }
    }

    private void send(Step next, ClientRequest request, NodeContext ctx) {
        step = next;
        stepXid = session.send(request, ctx);
    }

    @Override
    public void reply(int xid, Code code, ServerResponse body, NodeContext ctx) {
        if (toDelete != null && xid == deleteXid) {
            toDelete = null; // deleted, or already gone
            return;
        }
        if (phase != Phase.TRYING || xid != stepXid) {
            return;
        }
        switch (step) {
            case PARENT -> {
                parentMade = code == Code.OK || code == Code.NODEEXISTS;
                next(ctx);
            }
            case CREATE -> {
                if (code == Code.OK && body instanceof ServerResponse.Create2 created) {
                    ownName = created.path().substring(DIR.length() + 1);
                    token = created.stat().czxid();
                } else {
                    createSent = false; // certainly not created (the parent went?): make it again
                    parentMade = false;
                }
                next(ctx);
            }
            case FIND_OWN -> onFindOwn(children(body), ctx);
            case STAT_OWN -> {
                if (code == Code.OK && body instanceof ServerResponse.Exists exists) {
                    token = exists.stat().czxid();
                } else {
                    ownName = null;
                    createSent = false;
                }
                next(ctx);
            }
            case CHILDREN -> onChildren(children(body), ctx);
            case WATCH -> {
                if (code != Code.OK) {
                    next(ctx); // the predecessor went before the watch was set: look again
                }
                // Otherwise wait for the predecessor's deletion.
            }
        }
    }

    private void onFindOwn(List<String> children, NodeContext ctx) {
        Optional<String> own =
                children.stream().filter(c -> c.startsWith(prefix)).findFirst();
        if (own.isEmpty()) {
            createSent = false; // the lost create did not happen, or its session is gone
            next(ctx);
            return;
        }
        ownName = own.get();
        send(Step.STAT_OWN, new ClientRequest.Exists(DIR + "/" + ownName, false), ctx);
    }

    private void onChildren(List<String> children, NodeContext ctx) {
        List<String> sorted = children.stream()
                .sorted(Comparator.comparing(SequentialLock::sequence))
                .toList();
        int own = sorted.indexOf(ownName);
        if (own < 0) {
            ownName = null; // the session that made it expired: start over
            createSent = false;
            next(ctx);
        } else if (own == 0) {
            phase = Phase.HOLDING;
            holder.granted(token, ctx);
        } else if (!watchParent) {
            send(Step.WATCH, new ClientRequest.Exists(DIR + "/" + sorted.get(own - 1), true), ctx);
        }
        // With the planted bug the children watch set by getChildren is what wakes this client.
    }

    private static List<String> children(ServerResponse body) {
        return body instanceof ServerResponse.GetChildren list ? list.children() : List.of();
    }

    /** The sequence number ZooKeeper appended: the last ten characters. */
    private static String sequence(String child) {
        return child.substring(Math.max(0, child.length() - 10));
    }

    @Override
    public void watchEvent(EventType type, String path, NodeContext ctx) {
        if (phase == Phase.TRYING && ownName != null && (step == Step.WATCH || step == Step.CHILDREN)) {
            next(ctx);
        }
    }

    @Override
    public void connected(boolean newSession, NodeContext ctx) {
        if (newSession) {
            ownName = null; // a new session owns no children: the old one's went with it
            createSent = false;
            toDelete = null;
        }
        sendDelete(ctx);
        next(ctx);
    }

    @Override
    public void expired(NodeContext ctx) {
        toDelete = null;
        ownName = null;
        createSent = false;
        if (phase == Phase.HOLDING) {
            phase = Phase.IDLE;
            holder.lost("session expired", ctx);
        }
    }

    @Override
    public boolean stillHolds(NodeContext ctx) {
        return phase == Phase.HOLDING;
    }

    /**
     * Deletes the child until the server answers, as Curator's guaranteed delete does: a child left
     * behind by a lost delete would be the lowest and hold the lock for a session that released it.
     */
    @Override
    public void release(NodeContext ctx) {
        if (phase == Phase.HOLDING && ownName != null) {
            toDelete = ownName;
            sendDelete(ctx);
        }
        phase = Phase.IDLE;
        ownName = null;
        createSent = false;
    }

    private void sendDelete(NodeContext ctx) {
        if (toDelete != null && session.connected()) {
            deleteXid = session.send(new ClientRequest.Delete(DIR + "/" + toDelete, -1), ctx);
        }
    }
}
