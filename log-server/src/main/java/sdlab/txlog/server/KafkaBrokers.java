package sdlab.txlog.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sdlab.core.NodeId;
import sdlab.core.StableHash;

/**
 * The brokers a Kafka client is told of: each broker's node id, its Kafka broker id, and where its Kafka port is.
 * Metadata lists them all and names partition leaders and replicas by broker id; FindCoordinator names the broker
 * that coordinates a group or a transactional id.
 *
 * <p>Every txlog broker runs a group and a transaction coordinator of its own, and they share nothing. So that every
 * client of one group (or one transactional id) meets the same coordinator, the key is placed on one broker by a
 * stable hash of it, as Kafka places it by the partition of {@code __consumer_offsets} it hashes to. Unlike Kafka's,
 * that coordinator's state is not replicated: if its broker dies, the groups and transactions it held are gone.
 *
 * @param brokers every broker, in the order of their broker ids
 * @param self the broker whose door answers
 */
record KafkaBrokers(List<Broker> brokers, NodeId self) {

    /** One broker as clients see it. */
    record Broker(NodeId node, int brokerId, String host, int port) {}

    KafkaBrokers {
        brokers = List.copyOf(brokers);
        if (brokers.stream().noneMatch(broker -> broker.node().equals(self))) {
            throw new IllegalArgumentException(self + " is not one of the brokers " + brokers);
        }
    }

    /** A lone broker, id 0, on {@code host:port}: what {@code sdlab node log} runs. */
    static KafkaBrokers standalone(NodeId node, String host, int port) {
        return new KafkaBrokers(List.of(new Broker(node, 0, host, port)), node);
    }

    /** Brokers {@code nodes} with ids 1, 2, ... on {@code host}, their Kafka ports {@code portFirst}, +1, ... */
    static KafkaBrokers cluster(List<NodeId> nodes, NodeId self, String host, int portFirst) {
        List<Broker> brokers = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            brokers.add(new Broker(nodes.get(i), i + 1, host, portFirst + i));
        }
        return new KafkaBrokers(brokers, self);
    }

    Broker selfBroker() {
        return find(self).orElseThrow();
    }

    /** The broker id of {@code node}, or -1 (Kafka's "none") when it is not a broker. */
    int brokerId(NodeId node) {
        return find(node).map(Broker::brokerId).orElse(-1);
    }

    /** The broker that coordinates the group or transactional id {@code key}. */
    Broker coordinator(String key) {
        return brokers.get(Math.floorMod(StableHash.of(Objects.requireNonNull(key, "key")), brokers.size()));
    }

    private Optional<Broker> find(NodeId node) {
        return brokers.stream().filter(broker -> broker.node().equals(node)).findFirst();
    }
}
