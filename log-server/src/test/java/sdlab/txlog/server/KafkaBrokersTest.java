package sdlab.txlog.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

/**
 * The brokers a client is told of: ids 1..N on consecutive ports, and one coordinator per key that every broker
 * names alike, so the members of a group meet at one broker whichever they asked.
 */
class KafkaBrokersTest {
    private static final List<NodeId> NODES = List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"));

    @Test
    void brokersGetIdsFromOneAndConsecutivePorts() {
        KafkaBrokers brokers = KafkaBrokers.cluster(NODES, NodeId.of("n2"), "127.0.0.1", 9092);

        assertThat(brokers.selfBroker()).isEqualTo(new KafkaBrokers.Broker(NodeId.of("n2"), 2, "127.0.0.1", 9093));
        assertThat(brokers.brokerId(NodeId.of("n3"))).isEqualTo(3);
        assertThat(brokers.brokerId(NodeId.of("n4")))
                .as("the controller is no broker")
                .isEqualTo(-1);
        assertThat(KafkaBrokers.standalone(NodeId.of("log"), "localhost", 9092)
                        .selfBroker()
                        .brokerId())
                .isZero();
        assertThatThrownBy(() -> KafkaBrokers.cluster(NODES, NodeId.of("n9"), "127.0.0.1", 9092))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyBrokerPlacesAKeyOnTheSameCoordinatorAndKeysSpreadOverTheBrokers() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String group = "group-" + i;
            List<KafkaBrokers.Broker> named = NODES.stream()
                    .map(self ->
                            KafkaBrokers.cluster(NODES, self, "127.0.0.1", 9092).coordinator(group))
                    .distinct()
                    .toList();
            assertThat(named)
                    .as("the coordinator of " + group + " as each broker names it")
                    .hasSize(1);
            used.add(named.getFirst().brokerId());
        }
        assertThat(used).containsExactlyInAnyOrder(1, 2, 3);
    }
}
