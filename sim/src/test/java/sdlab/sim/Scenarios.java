package sdlab.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sdlab.core.NodeId;

/** Ready-made simulations shared by the tests. */
final class Scenarios {

    static final NodeId A = NodeId.of("a");
    static final NodeId B = NodeId.of("b");
    static final NodeId N1 = NodeId.of("n1");
    static final NodeId C1 = NodeId.of("c1");
    static final NodeId C2 = NodeId.of("c2");

    private Scenarios() {}

    static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Node a pings node b {@code count} times, 1 ms apart; both log what they receive. */
    static SimResult pingPong(long seed, NetworkConfig network, FaultPlan faults, int count, List<Received> log) {
        return Simulation.builder(seed)
                .network(network)
                .addNode(A, id -> new PingerNode(B, count, ms(1), log))
                .addNode(B, id -> new EchoNode(log))
                .faults(faults)
                .recordTrace(true)
                .build()
                .run(Duration.ofSeconds(1000));
    }

    static List<Received> log() {
        return new ArrayList<>();
    }

    /** Messages of type {@code type} that {@code receiver} logged. */
    static List<Received> received(List<Received> log, NodeId receiver, Class<?> type) {
        return log.stream()
                .filter(r -> r.to().equals(receiver) && type.isInstance(r.message()))
                .toList();
    }
}
