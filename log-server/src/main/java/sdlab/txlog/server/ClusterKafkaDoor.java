package sdlab.txlog.server;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import sdlab.core.NodeId;
import sdlab.runtime.host.NodeHost;

/**
 * Kafka's port in front of one broker of a cluster ({@code sdlab cluster start log}): the broker's {@code LogBroker}
 * runs in the runtime's {@link NodeHost}, which carries its replication messages to the other brokers and the
 * controller, and this door serves Kafka clients on the node's loop, as {@link LogServer} does for a lone broker.
 * Metadata lists every broker and each partition's leader as this broker's node knows it; a Produce or Fetch for a
 * partition this broker does not lead is answered NOT_LEADER_OR_FOLLOWER by the node, so clients go to the leader.
 */
public final class ClusterKafkaDoor implements AutoCloseable {
    private final Channel listener;

    private ClusterKafkaDoor(Channel listener) {
        this.listener = listener;
    }

    /**
     * Listens on {@code host} at the Kafka port of {@code host}'s node: broker number i of {@code brokers} (from 0)
     * listens on {@code portFirst + i}.
     */
    public static ClusterKafkaDoor open(
            NodeHost host,
            List<NodeId> brokers,
            String bind,
            int portFirst,
            Map<String, Integer> partitionsByTopic,
            DoorBug bug)
            throws IOException {
        KafkaBrokers known = KafkaBrokers.cluster(brokers, host.id(), bind, portFirst);
        KafkaApis apis =
                new KafkaApis(new NodeCalls(new HostedBroker(host)), new Topics(partitionsByTopic), port -> known, bug);
        int port = known.selfBroker().port();
        try {
            return new ClusterKafkaDoor(KafkaListener.listen(host.loop(), bind, port, apis));
        } catch (RuntimeException e) { // Netty rethrows the bind's IOException unchecked
            throw new IOException("cannot listen for Kafka clients on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
    }
}
