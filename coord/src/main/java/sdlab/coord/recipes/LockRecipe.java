package sdlab.coord.recipes;

import sdlab.coord.tree.Code;
import sdlab.coord.tree.EventType;
import sdlab.coord.wire.ServerResponse;
import sdlab.core.NodeContext;
import sdlab.core.Timer;

/**
 * How a lock client takes, keeps and gives back its lock in the coordination service: one
 * recipe as ZooKeeper users write it (Strategy). The {@link LockClient} owns the session and the
 * protected work; it forwards the session's events here, and the recipe tells its {@link Holder}
 * when the lock is granted and when it learns that it is lost.
 */
interface LockRecipe {
    /** What a recipe tells the client it runs in. */
    interface Holder {
        /** The lock is this client's; {@code token} is the lock znode's czxid, its fencing token. */
        void granted(long token, NodeContext ctx);

        /** The client learnt that it no longer holds the lock (its session expired, its lease ran out). */
        void lost(String why, NodeContext ctx);
    }

    /** Starts trying to take the lock; if the session is not connected, once it is. */
    void acquire(NodeContext ctx);

    /** The answer to a request this recipe sent. */
    void reply(int xid, Code code, ServerResponse body, NodeContext ctx);

    /** A watch fired; the client counts it as a notification before it calls this. */
    void watchEvent(EventType type, String path, NodeContext ctx);

    /** The session is connected again: redo the step whose answer the loss swallowed. */
    void connected(boolean newSession, NodeContext ctx);

    /** The session expired: its ephemeral nodes are gone. */
    void expired(NodeContext ctx);

    /** Whether the holder may still act on the lock now, by what it knows. */
    boolean stillHolds(NodeContext ctx);

    /** Handles the recipe's own timer; false if {@code timer} is not one. */
    default boolean onTimer(Timer timer, NodeContext ctx) {
        return false;
    }

    /** Gives the lock back (deletes its znode), now or once connected. */
    void release(NodeContext ctx);
}
