package sdlab.txlog.server;

import io.netty.channel.EventLoop;
import java.util.Objects;
import java.util.function.Consumer;
import sdlab.core.Message;
import sdlab.core.NodeId;
import sdlab.runtime.host.LocalClients;
import sdlab.runtime.host.NodeHost;

/**
 * A broker of a cluster, run by the runtime's {@link NodeHost}: its peers (the other brokers and the controller) are
 * reached over TCP with the runtime's codec, while the Kafka door in the same process is a local client whose
 * requests and answers never leave memory, so they need no codec.
 */
final class HostedBroker implements BrokerNode, LocalClients {
    private final NodeHost host;
    private Consumer<Message> replies = message -> {};

    HostedBroker(NodeHost host) {
        this.host = Objects.requireNonNull(host, "host");
        host.attachLocalClients(this);
    }

    @Override
    public EventLoop loop() {
        return host.loop();
    }

    @Override
    public void onReply(Consumer<Message> replies) {
        this.replies = Objects.requireNonNull(replies, "replies");
    }

    @Override
    public void request(NodeId from, Message message) {
        host.deliverLocal(from, message);
    }

    @Override
    public boolean owns(NodeId id) {
        return NodeCalls.DOOR.equals(id);
    }

    @Override
    public void deliver(NodeId to, Message message) {
        replies.accept(message);
    }
}
