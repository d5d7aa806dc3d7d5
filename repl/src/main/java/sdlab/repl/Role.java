package sdlab.repl;

import sdlab.core.Message;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;

/** What a node does as primary or as replica (the State pattern: a promotion swaps the role object). */
sealed interface Role permits PrimaryRole, ReplicaRole, JoiningRole, ColdRole {

    /** Called once when the node takes this role (at start, after a restart, or on a promotion or new source). */
    void start(NodeContext ctx);

    void onMessage(NodeId from, Message message, NodeContext ctx);

    void onTimer(Timer timer, NodeContext ctx);

    void onSynced(long syncId, NodeContext ctx);
}
