package sdlab.core.client;

import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;

/**
 * A client process: it receives operations from the workload, talks to the nodes with
 * messages, and completes each operation through its {@link ClientContext}. Like a node it is
 * deterministic and single-threaded; unlike a node it never crashes in the simulator.
 *
 * <p>A client that gives up waiting must complete the operation as {@link Outcome.Unknown},
 * never invent a result.
 */
public interface Client {

    void onStart(ClientContext ctx);

    void onInvoke(Invocation invocation, ClientContext ctx);

    void onMessage(NodeId from, Message message, ClientContext ctx);

    default void onTimer(TimerId id, Timer timer, ClientContext ctx) {}
}
