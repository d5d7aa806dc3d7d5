package sdlab.core;

/**
 * A deterministic, single-threaded event handler. The world calls one handler at a time and
 * the node reacts only through the {@link NodeContext} it is given.
 *
 * <p>A crash throws the node object away. A restart makes a new one from the node's factory
 * and calls {@link #onStart} with {@code restarted == true}: whatever state must survive
 * has to be read back from {@link NodeContext#disk()}, where only synced writes remain.
 */
public interface Node {

    /** Called once when the node first starts, and again on a fresh object after each restart. */
    void onStart(NodeContext ctx, boolean restarted);

    /** A message from another node or a client. */
    void onMessage(NodeId from, Message message, NodeContext ctx);

    /** A timer set with {@link NodeContext#setTimer} fired. */
    default void onTimer(TimerId id, Timer timer, NodeContext ctx) {}

    /** The sync with this id completed: every write made before it is now durable. */
    default void onSynced(long syncId, NodeContext ctx) {}
}
