package sdlab.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SimThroughputTest {
    /** A few operations per client: a round takes milliseconds. */
    private static final SimWorkload TINY = SimWorkload.quorum().withOpsPerClient(5);

    /** A fake clock that moves {@code stepNanos} on every reading. */
    private static LongSupplier ticking(long stepNanos) {
        long[] now = {0};
        return () -> now[0] += stepNanos;
    }

    private static Clocks fakeClocks() {
        return new Clocks(ticking(1_000_000), ticking(500_000));
    }

    @Test
    void everyRateIsComputedFromTheSameMeasuredRounds() {
        // With a clock that moves 1 ms per reading, a round lasts 1 ms, so a 3 ms budget measures exactly 3 rounds.
        SimMeasurement m =
                new SimThroughput(TINY, fakeClocks()).measure(Duration.ZERO, Duration.ofMillis(3), line -> {});

        assertThat(m.rounds()).isEqualTo(3);
        assertThat(m.wallNanos()).isEqualTo(3_000_000);
        assertThat(m.cpuNanos()).isEqualTo(1_500_000);
        assertThat(m.messagesDelivered()).isPositive();
        assertThat(m.eventsProcessed()).isGreaterThan(m.messagesDelivered());
        assertThat(m.operations()).isEqualTo(3L * TINY.clientCount() * TINY.opsPerClient());
        assertThat(m.deliveriesPerSecond()).isCloseTo(m.messagesDelivered() / 0.003, within(1e-6));
        assertThat(m.deliveriesPerCpuSecond()).isCloseTo(m.messagesDelivered() / 0.0015, within(1e-6));
        assertThat(m.virtualToWallRatio()).isCloseTo((double) m.virtualNanos() / 3_000_000, within(1e-9));
        assertThat(m.cpuShare()).isEqualTo(0.5);
    }

    @Test
    void warmUpRoundsAreRunButNotCounted() {
        // A 2 ms warm-up runs two rounds that the 1 ms measurement does not include.
        List<String> progress = new ArrayList<>();
        SimMeasurement m = new SimThroughput(TINY, fakeClocks())
                .measure(Duration.ofMillis(2), Duration.ofMillis(1), progress::add);

        assertThat(m.rounds()).isEqualTo(1);
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).startsWith("warming up quorum");
        assertThat(progress.get(1)).startsWith("measuring quorum");
    }

    @Test
    void roundsReplayTheirSeeds() {
        // Two throughput runs see the same simulations: round n uses seed n, and a seed fixes the run.
        SimThroughput first = new SimThroughput(TINY, fakeClocks());
        SimThroughput second = new SimThroughput(TINY, fakeClocks());

        SimMeasurement a1 = first.round();
        SimMeasurement a2 = first.round();
        SimMeasurement b1 = second.round();

        assertThat(b1).isEqualTo(a1);
        assertThat(a2.virtualNanos()).isNotEqualTo(a1.virtualNanos());
    }

    @Test
    void theRealClocksGivePositiveFigures() {
        // On the system clocks, a tiny budget still measures at least one whole round with positive rates.
        SimMeasurement m =
                new SimThroughput(TINY, Clocks.system()).measure(Duration.ZERO, Duration.ofMillis(1), line -> {});

        assertThat(m.rounds()).isGreaterThanOrEqualTo(1);
        assertThat(m.deliveriesPerSecond()).isPositive();
        assertThat(m.eventsPerSecond()).isPositive();
        assertThat(m.virtualToWallRatio()).isPositive();
        assertThat(m.cpuNanos()).isNotZero();
    }

    @Test
    void theMessageHeavyWorkloadKeepsMoreMessagesInFlight() {
        // Without think time and with 64 clients, each virtual second carries far more deliveries than chapter 10's
        // pace.
        SimMeasurement quorum = new SimThroughput(TINY, fakeClocks()).round();
        SimMeasurement heavy = new SimThroughput(SimWorkload.messageHeavy().withOpsPerClient(2), fakeClocks()).round();

        double quorumPerVirtualSecond = quorum.messagesDelivered() / quorum.virtualSeconds();
        double heavyPerVirtualSecond = heavy.messagesDelivered() / heavy.virtualSeconds();
        assertThat(heavyPerVirtualSecond).isGreaterThan(10 * quorumPerVirtualSecond);
    }
}
