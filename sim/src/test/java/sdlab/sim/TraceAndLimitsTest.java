package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.core.Timer;

class TraceAndLimitsTest {

    record Again() implements Timer {}

    @Test
    void traceEventsFormatAsStableLines() {
        // SEND and DELIVER name both ends, the message id links them, and times are in ms.
        assertThat(new TraceEvent(12_345_678, TraceEvent.Kind.SEND, NodeId.of("n1"), NodeId.of("n3"), 42, "Put[k=1]")
                        .format())
                .isEqualTo("   12.345ms SEND      n1 -> n3 #42 Put[k=1]");
        assertThat(new TraceEvent(1_500_000_000L, TraceEvent.Kind.DELIVER, NodeId.of("n3"), NodeId.of("n1"), 42, "x")
                        .format())
                .isEqualTo(" 1500.000ms DELIVER   n3 <- n1 #42 x");
        assertThat(new TraceEvent(0, TraceEvent.Kind.PARTITION, null, null, 0, "{a} | {b}").format())
                .isEqualTo("    0.000ms PARTITION - {a} | {b}");
    }

    @Test
    void aPingPongTraceReadsAsExpected() {
        // One ping and its pong: send, deliver, send, deliver, linked by message ids.
        SimResult result = Scenarios.pingPong(
                1, NetworkConfig.reliable(Latency.constant(ms(1))), FaultPlan.none(), 1, Scenarios.log());

        assertThat(result.formattedTrace())
                .isEqualTo(
                        """
                            0.000ms SEND      a -> b #1 Ping[n=0]
                            1.000ms DELIVER   b <- a #1 Ping[n=0]
                            1.000ms SEND      b -> a #2 Pong[n=0]
                            2.000ms DELIVER   a <- b #2 Pong[n=0]
                        """);
    }

    @Test
    void notesAppearInTheTraceAndTheHash() {
        // A note is a trace event like any other: it changes the hash.
        SimResult quiet = Simulation.builder(1)
                .addNode(A, id -> new ScriptedNode())
                .build()
                .run(ms(1));
        SimResult noted = Simulation.builder(1)
                .addNode(A, id -> new ScriptedNode().onStart((ctx, restarted) -> ctx.note("hello")))
                .recordTrace(true)
                .build()
                .run(ms(1));

        assertThat(noted.trace()).singleElement().satisfies(e -> assertThat(e.format())
                .isEqualTo("    0.000ms NOTE      a hello"));
        assertThat(noted.traceHash()).isNotEqualTo(quiet.traceHash());
    }

    @Test
    void aRunawayRunStopsAtItsEventLimitNamingTheSeed() {
        // A node that re-arms a zero-delay timer forever never lets virtual time pass; the limit stops it.
        Simulation sim = Simulation.builder(99)
                .addNode(A, id -> new ScriptedNode()
                        .onStart((ctx, restarted) -> ctx.setTimer(Duration.ZERO, new Again()))
                        .onTimer((timer, ctx) -> ctx.setTimer(Duration.ZERO, new Again())))
                .eventLimit(10_000)
                .build();

        assertThatThrownBy(() -> sim.run(Duration.ofSeconds(1)))
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("seed 99")
                .hasMessageContaining("event limit of 10000");
    }

    @Test
    void aNodeThatThrowsFailsTheRunNamingTheSeed() {
        // An exception in node code surfaces with the seed and the virtual time, the original as its cause.
        Simulation sim = Simulation.builder(123)
                .addNode(A, id -> new ScriptedNode().onMessage((from, message, ctx) -> {
                    throw new IllegalStateException("boom");
                }))
                .addNode(B, id -> new PingerNode(A, 1, ms(1), Scenarios.log()))
                .build();

        assertThatThrownBy(() -> sim.run(Duration.ofSeconds(1)))
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("seed 123 at 1.000ms")
                .hasRootCauseMessage("boom");
    }

    @Test
    void aSimulationRunsOnce() {
        // A second run of the same object is refused: build another.
        Simulation sim =
                Simulation.builder(1).addNode(A, id -> new ScriptedNode()).build();
        sim.run(ms(1));

        assertThatThrownBy(() -> sim.run(ms(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sendingToAnUnknownIdIsAMistakeNamedInTheError() {
        // A typo in a destination is reported, not silently dropped.
        Simulation sim = Simulation.builder(1)
                .addNode(A, id -> new PingerNode(NodeId.of("nobody"), 1, ms(1), List.of()))
                .build();

        assertThatThrownBy(() -> sim.run(ms(10)))
                .hasRootCauseMessage("nobody is not a node or client of this simulation");
    }

    @Test
    void aFailedAssertionInNodeCodeNamesTheSeed() {
        // An assertion error stays an assertion error, with the seed in its message.
        Simulation sim = Simulation.builder(321)
                .addNode(A, id -> new ScriptedNode().onStart((ctx, restarted) -> {
                    throw new AssertionError("invariant broken");
                }))
                .build();

        assertThatThrownBy(() -> sim.run(ms(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed 321")
                .hasMessageContaining("invariant broken");
    }
}
