package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvariantTest {

    /** Node a pings b {@code count} times; b logs what it receives and crashes at 10 ms for 5 ms. */
    private static Simulation.Builder pings(int count, List<Received> log) {
        return Simulation.builder(7)
                .addNode(A, id -> new PingerNode(B, count, ms(1), log))
                .addNode(B, id -> new EchoNode(log))
                .faults(FaultPlan.builder().crash(ms(10), B, ms(5)).build());
    }

    @Test
    void anInvariantIsCheckedAfterEveryEventAndSeesTheLiveNodes() {
        // The check runs once per event and sees b missing exactly while it is down (after
        // time 0, where a starts before b does).
        List<Long> events = new ArrayList<>();
        List<Long> bDownAtMs = new ArrayList<>();
        SimResult result = pings(20, new ArrayList<>())
                .invariant("observer", nodes -> {
                    events.add(nodes.eventNumber());
                    assertThat(nodes.ids()).containsExactly(A, B);
                    if (nodes.nowNanos() > 0 && nodes.node(B).isEmpty()) {
                        bDownAtMs.add(nodes.nowNanos() / 1_000_000);
                    }
                })
                .build()
                .run(Duration.ofSeconds(1));

        assertThat(events).hasSize((int) result.stats().eventsProcessed());
        assertThat(events.getLast()).isEqualTo(result.stats().eventsProcessed());
        assertThat(bDownAtMs).isNotEmpty().allMatch(ms -> ms >= 10 && ms < 15);
    }

    @Test
    void aBrokenInvariantStopsTheRunNamingItTheEventAndTheSeed() {
        // "b has received fewer than 5 messages" breaks on the fifth ping.
        List<Received> log = new ArrayList<>();

        assertThatThrownBy(() -> pings(20, log)
                        .invariant("always true", nodes -> {})
                        .invariant("fewer than five", nodes -> {
                            if (log.size() >= 5) {
                                throw new IllegalStateException(log.size() + " messages received");
                            }
                        })
                        .build()
                        .run(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(InvariantViolation.class, violation -> {
                    assertThat(violation.invariant()).isEqualTo("fewer than five");
                    assertThat(violation.seed()).isEqualTo(7);
                    assertThat(violation.eventNumber()).isPositive();
                    assertThat(violation.getMessage())
                            .contains("seed 7", "'fewer than five'", "event " + violation.eventNumber(), "5 messages");
                });
        assertThat(log).hasSize(5);
    }

    @Test
    void invariantsDoNotChangeTheRun() {
        // Observing is free of side effects: the trace hash is the same with and without a check.
        long without =
                pings(20, new ArrayList<>()).build().run(Duration.ofSeconds(1)).traceHash();
        long with = pings(20, new ArrayList<>())
                .invariant("holds", nodes -> {})
                .build()
                .run(Duration.ofSeconds(1))
                .traceHash();

        assertThat(with).isEqualTo(without);
    }
}
