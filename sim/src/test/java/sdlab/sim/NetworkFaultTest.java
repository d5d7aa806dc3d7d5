package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;

class NetworkFaultTest {

    private static final NetworkConfig HALF_MS = NetworkConfig.reliable(Latency.constant(Duration.ofNanos(500_000)));
    private static final int PINGS = 40;

    /** Nodes a and b each ping the other every millisecond (ping n at n ms); returns the log. */
    private static List<Received> pingEachOther(NetworkConfig network, FaultPlan faults) {
        List<Received> log = Scenarios.log();
        Simulation.builder(7)
                .network(network)
                .addNode(A, id -> new PingerNode(B, PINGS, ms(1), log))
                .addNode(B, id -> new PingerNode(A, PINGS, ms(1), log))
                .faults(faults)
                .build()
                .run(Duration.ofSeconds(10));
        return log;
    }

    private static List<Integer> pingNumbers(List<Received> log, NodeId receiver) {
        return Scenarios.received(log, receiver, TestMessages.Ping.class).stream()
                .map(r -> ((TestMessages.Ping) r.message()).n())
                .toList();
    }

    private static List<Integer> allBut(int fromIncluded, int toExcluded) {
        return IntStream.range(0, PINGS)
                .filter(n -> n < fromIncluded || n >= toExcluded)
                .boxed()
                .toList();
    }

    @Test
    void reliableNetworkDeliversEveryMessageOnceAndInOrder() {
        // Without faults, each side receives every ping exactly once, in sending order.
        List<Received> log = pingEachOther(HALF_MS, FaultPlan.none());

        assertThat(pingNumbers(log, A)).isEqualTo(allBut(0, 0));
        assertThat(pingNumbers(log, B)).isEqualTo(allBut(0, 0));
    }

    @Test
    void oneWayPartitionDropsOnlyOneDirection() {
        // A one-way partition a -> b from 10 ms to 20 ms loses a's pings 10..19; b's pings all arrive.
        FaultPlan plan = FaultPlan.builder()
                .partition(ms(10), ms(10), Partition.oneWay(Set.of(A), Set.of(B)))
                .build();

        List<Received> log = pingEachOther(HALF_MS, plan);

        assertThat(pingNumbers(log, B)).isEqualTo(allBut(10, 20));
        assertThat(pingNumbers(log, A)).isEqualTo(allBut(0, 0));
    }

    @Test
    void symmetricPartitionDropsBothDirectionsAndHealRestoresThem() {
        // A symmetric partition loses pings both ways while it lasts; after the heal they flow again.
        FaultPlan plan = FaultPlan.builder()
                .partition(ms(10), ms(10), Partition.between(Set.of(A), Set.of(B)))
                .build();

        List<Received> log = pingEachOther(HALF_MS, plan);

        assertThat(pingNumbers(log, B)).isEqualTo(allBut(10, 20));
        assertThat(pingNumbers(log, A)).isEqualTo(allBut(10, 20));
    }

    @Test
    void messagesInFlightWhenAPartitionStartsAreDropped() {
        // With 5 ms latency, pings sent at 5..9 ms would arrive during the partition, so they are cut too.
        NetworkConfig slow = NetworkConfig.reliable(Latency.constant(ms(5)));
        FaultPlan plan = FaultPlan.builder()
                .partition(ms(10), ms(10), Partition.between(Set.of(A), Set.of(B)))
                .build();

        List<Received> log = pingEachOther(slow, plan);

        assertThat(pingNumbers(log, B)).isEqualTo(allBut(5, 20));
    }

    @Test
    void clogCutsOneDirectedLinkForItsLength() {
        // Clogging a -> b loses a's pings while it lasts and leaves b -> a alone.
        FaultPlan plan = FaultPlan.builder().clog(ms(5), ms(20), A, B).build();

        List<Received> log = pingEachOther(HALF_MS, plan);

        assertThat(pingNumbers(log, B)).isEqualTo(allBut(5, 25));
        assertThat(pingNumbers(log, A)).isEqualTo(allBut(0, 0));
    }

    @Test
    void partitionsOnlyCutLinksBetweenTheIdsTheyName() {
        // Isolating b from {b, c} leaves the link between a and b alone, since a is not named.
        NodeId c = NodeId.of("c");
        List<Received> log = Scenarios.log();
        Simulation.builder(3)
                .network(HALF_MS)
                .addNode(A, id -> new PingerNode(B, PINGS, ms(1), log))
                .addNode(B, id -> new EchoNode(log))
                .addNode(c, id -> new PingerNode(B, PINGS, ms(1), log))
                .faults(FaultPlan.builder()
                        .partition(ms(0), ms(1000), Partition.isolate(B, List.of(B, c)))
                        .build())
                .build()
                .run(Duration.ofSeconds(1));

        List<Received> atB = Scenarios.received(log, B, TestMessages.Ping.class);
        assertThat(atB).hasSize(PINGS).allMatch(r -> r.from().equals(A));
    }

    @Test
    void lossRateIsRoughlyAsConfigured() {
        // With 20% loss, about 8000 of 10000 pings arrive (deterministic seed, 3% tolerance).
        List<Received> log = Scenarios.log();
        SimResult result = Scenarios.pingPong(11, HALF_MS.withLoss(0.2), FaultPlan.none(), 10_000, log);

        int arrived = Scenarios.received(log, B, TestMessages.Ping.class).size();
        assertThat(arrived).isBetween(7700, 8300);
        assertThat(result.stats().messagesDropped())
                .isEqualTo(result.stats().messagesSent() - result.stats().messagesDelivered());
    }

    @Test
    void duplicationDeliversSomeMessagesTwiceUnderNewIds() {
        // With 10% duplication, about 1000 extra pings arrive, each copy with its own message id.
        List<Received> log = Scenarios.log();
        SimResult result = Scenarios.pingPong(12, HALF_MS.withDuplication(0.1), FaultPlan.none(), 10_000, log);

        int arrived = Scenarios.received(log, B, TestMessages.Ping.class).size();
        assertThat(arrived - 10_000).isBetween(850, 1150);
        List<TraceEvent> duplicates = result.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.DUPLICATE)
                .toList();
        assertThat(duplicates).hasSize((int) result.stats().messagesDuplicated());
        long distinctDeliveredIds = result.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.DELIVER)
                .mapToLong(TraceEvent::messageId)
                .distinct()
                .count();
        assertThat(distinctDeliveredIds).isEqualTo(result.stats().messagesDelivered());
    }

    @Test
    void constantLatencyWithoutReorderingKeepsEachLinkInOrder() {
        // Same latency for all and no reordering: a link is FIFO.
        List<Received> log = Scenarios.log();
        Scenarios.pingPong(13, NetworkConfig.reliable(Latency.constant(ms(3))), FaultPlan.none(), 500, log);

        assertThat(pingNumbers(log, B)).isSorted();
    }

    @Test
    void randomLatencyReordersMessages() {
        // Latency uniform in 1..10 ms with sends 1 ms apart: later pings overtake earlier ones.
        List<Received> log = Scenarios.log();
        Scenarios.pingPong(14, NetworkConfig.reliable(Latency.uniform(ms(1), ms(10))), FaultPlan.none(), 500, log);

        assertThat(pingNumbers(log, B))
                .hasSize(500)
                .isNotEqualTo(pingNumbers(log, B).stream().sorted().toList());
    }

    @Test
    void reorderRateHoldsMessagesBackEvenWithConstantLatency() {
        // With constant latency, only the reorder share can make pings overtake each other.
        List<Received> log = Scenarios.log();
        NetworkConfig network = NetworkConfig.reliable(Latency.constant(ms(3))).withReordering(0.3);
        Scenarios.pingPong(15, network, FaultPlan.none(), 500, log);

        List<Integer> numbers = pingNumbers(log, B);
        assertThat(numbers).hasSize(500).isNotEqualTo(numbers.stream().sorted().toList());
    }

    @Test
    void messagesToACrashedNodeAreDropped() {
        // b is down from 10 to 20 ms: a's pings sent then are dropped as "receiver down"; later ones arrive.
        List<Received> log = Scenarios.log();
        SimResult result = Scenarios.pingPong(
                16, HALF_MS, FaultPlan.builder().crash(ms(10), B, ms(10)).build(), PINGS, log);

        assertThat(pingNumbers(log, B)).isEqualTo(allBut(10, 20));
        List<String> drops = result.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.DROP)
                .map(TraceEvent::detail)
                .toList();
        // Ten pings find b down; b's last pong, sent at 9.5 ms, was in flight when b crashed.
        assertThat(drops).filteredOn(d -> d.startsWith("receiver down: Ping")).hasSize(10);
        assertThat(drops)
                .filteredOn(d -> d.startsWith("sender down: Pong[n=9]"))
                .hasSize(1);
        assertThat(drops).hasSize(11);
    }

    @Test
    void messagesInFlightFromANodeThatCrashesAreDropped() {
        // With 5 ms latency, a's pings sent at 5..9 ms are still in flight when a crashes at 10 ms.
        NetworkConfig slow = NetworkConfig.reliable(Latency.constant(ms(5)));

        List<Received> log = pingEachOther(
                slow, FaultPlan.builder().crash(ms(10), A, ms(60_000)).build());

        assertThat(pingNumbers(log, B)).isEqualTo(IntStream.range(0, 5).boxed().toList());
    }
}
