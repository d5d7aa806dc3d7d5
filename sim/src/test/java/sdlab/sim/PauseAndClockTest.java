package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.Timer;

class PauseAndClockTest {

    record Wake() implements Timer {}

    private static final NetworkConfig HALF_MS = NetworkConfig.reliable(Latency.constant(Duration.ofNanos(500_000)));

    @Test
    void pauseDelaysDeliveryUntilResumeWithoutLosingOrReordering() {
        // b stalls from 10 to 20 ms: the pings that arrive meanwhile wait and are handed over at 20 ms, in order.
        List<Received> log = Scenarios.log();
        Scenarios.pingPong(
                1, HALF_MS, FaultPlan.builder().pause(ms(10), B, ms(10)).build(), 40, log);

        List<Received> pings = Scenarios.received(log, B, TestMessages.Ping.class);
        assertThat(pings).hasSize(40);
        assertThat(pings.stream()
                        .map(r -> ((TestMessages.Ping) r.message()).n())
                        .toList())
                .isSorted();
        assertThat(pings.subList(10, 20)).allMatch(r -> r.timeNanos() == 20_000_000L);
        assertThat(pings.get(9).timeNanos()).isEqualTo(9_500_000L);
        assertThat(pings.get(20).timeNanos()).isEqualTo(20_500_000L);
    }

    @Test
    void timersDueDuringAPauseFireAtResume() {
        // A timer due at 5 ms on a node paused from 2 to 12 ms fires at 12 ms.
        List<Long> fired = new ArrayList<>();
        Simulation.builder(1)
                .addNode(A, id -> new ScriptedNode()
                        .onStart((ctx, restarted) -> ctx.setTimer(ms(5), new Wake()))
                        .onTimer((timer, ctx) -> fired.add(ctx.nowNanos())))
                .faults(FaultPlan.builder().pause(ms(2), A, ms(10)).build())
                .build()
                .run(ms(100));

        assertThat(fired).containsExactly(12_000_000L);
    }

    @Test
    void pausedNodesDoNotSendButOthersKeepGoing() {
        // While a is paused its pinger timers wait, so b receives nothing from a in that window.
        List<Received> log = Scenarios.log();
        Scenarios.pingPong(
                1, HALF_MS, FaultPlan.builder().pause(ms(10), A, ms(10)).build(), 40, log);

        List<Received> pings = Scenarios.received(log, B, TestMessages.Ping.class);
        assertThat(pings).hasSize(40);
        assertThat(pings).noneMatch(r -> r.timeNanos() > 10_000_000L && r.timeNanos() < 20_000_000L);
    }

    @Test
    void clockSkewAndDriftShowInNowNanos() {
        // b's clock is 5 s ahead and runs 1000 ppm fast; a's is exact. Both read their clocks at
        // start and when a 1 s timer fires.
        List<String> readings = new ArrayList<>();
        SimResult result = Simulation.builder(1)
                .addNode(A, id -> clockReader(readings))
                .addNode(B, id -> clockReader(readings))
                .faults(FaultPlan.builder()
                        .clockSkew(B, Duration.ofSeconds(5), 1000)
                        .build())
                .recordTrace(true)
                .build()
                .run(Duration.ofSeconds(10));

        assertThat(readings)
                .containsExactly("a start 0", "b start 5000000000", "b timer 6000000000", "a timer 1000000000");
        long bTimerVirtualNanos = result.trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.TIMER && e.node().equals(B))
                .findFirst()
                .orElseThrow()
                .timeNanos();
        // A fast clock reaches "1 s later" sooner in virtual time: 1 s / 1.001.
        assertThat((double) bTimerVirtualNanos).isCloseTo(1e9 / 1.001, within(2.0));
    }

    private static ScriptedNode clockReader(List<String> readings) {
        return new ScriptedNode()
                .onStart((ctx, restarted) -> {
                    readings.add(ctx.self() + " start " + ctx.nowNanos());
                    ctx.setTimer(Duration.ofSeconds(1), new Wake());
                })
                .onTimer((timer, ctx) -> readings.add(ctx.self() + " timer " + roundToMicros(ctx.nowNanos())));
    }

    private static long roundToMicros(long nanos) {
        return Math.round(nanos / 1000.0) * 1000;
    }

    @Test
    void addingAClientDoesNotChangeWhatNodesDraw() {
        // Generators are derived by name: a node's draws are the same with or without an extra client.
        assertThat(drawsOfA(false)).isEqualTo(drawsOfA(true));
    }

    private static List<Long> drawsOfA(boolean withClient) {
        List<Long> draws = new ArrayList<>();
        Simulation.Builder builder = Simulation.builder(77)
                .addNode(A, id -> new ScriptedNode().onStart((ctx, restarted) -> {
                    for (int i = 0; i < 5; i++) {
                        draws.add(ctx.random().nextLong());
                    }
                }));
        if (withClient) {
            builder.addClient(NodeId.of("extra"), new RegisterClient(A, ms(10)));
        }
        builder.build().run(ms(10));
        return draws;
    }
}
