package sdlab.txlog.server;

import io.netty.channel.EventLoop;
import java.util.function.Consumer;
import sdlab.core.Message;
import sdlab.core.NodeId;

/**
 * The txlog node as the Kafka door sees it, whoever hosts it: a standalone {@link BrokerHost}, or a broker of a
 * cluster in the runtime's {@code NodeHost} ({@link HostedBroker}). The door's connections run on {@link #loop()},
 * the loop that runs the node, so the door and the node never race.
 */
interface BrokerNode {
    /** The loop that runs the node's handlers. */
    EventLoop loop();

    /** Where the node's messages to the door go; set before any request is delivered. */
    void onReply(Consumer<Message> replies);

    /** Hands the node a request of the door's; called on the loop. */
    void request(NodeId from, Message message);
}
