package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run changed by hand at a step: the seed's own run up to it, its own way after, and the same fork replays alike. */
class ForkTest {
    private static final NetworkConfig TWO_MS = NetworkConfig.reliable(Latency.constant(ms(2)));

    @Test
    void droppingAMessageInFlightLosesItAndLeavesEveryEarlierEventAsItWas() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 3);
        long message = original.trace().get(step).messageId();

        SimResult forked = pingPong(List.of(new Fork(step, new Intervention.DropMessage(message))));

        assertThat(forked.trace().subList(0, step + 1))
                .isEqualTo(original.trace().subList(0, step + 1));
        assertThat(forked.trace().get(step + 1).detail())
                .isEqualTo("fork after step " + (step + 1) + ": drop message #" + message);
        TraceEvent drop = forked.trace().get(step + 2);
        assertThat(drop.kind()).isEqualTo(TraceEvent.Kind.DROP);
        assertThat(drop.messageId()).isEqualTo(message);
        assertThat(drop.detail()).contains("dropped by a fork");
        assertThat(forked.trace())
                .noneMatch(event -> event.kind() == TraceEvent.Kind.DELIVER && event.messageId() == message);
        assertThat(forked.stats().messagesDropped()).isEqualTo(original.stats().messagesDropped() + 1);
    }

    @Test
    void theSameForkGivesTheSameRunAndAnotherForkAnotherOne() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 2);
        long message = original.trace().get(step).messageId();
        List<Fork> delay = List.of(new Fork(step, new Intervention.DelayMessage(message, ms(5))));

        SimResult once = pingPong(delay);
        SimResult again = pingPong(delay);

        assertThat(again.traceHash()).isEqualTo(once.traceHash());
        assertThat(again.trace()).isEqualTo(once.trace());
        assertThat(once.traceHash()).isNotEqualTo(original.traceHash());
        // Sent at the step's time with a 2 ms latency, delivered 5 ms later than that.
        TraceEvent delivered = once.trace().stream()
                .filter(event -> event.kind() == TraceEvent.Kind.DELIVER && event.messageId() == message)
                .findFirst()
                .orElseThrow();
        assertThat(delivered.timeNanos()).isEqualTo(original.trace().get(step).timeNanos() + ms(7).toNanos());
    }

    @Test
    void aMessageDeliveredNowArrivesBeforeItsLatencyIsUp() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 1);
        long message = original.trace().get(step).messageId();

        SimResult forked = pingPong(List.of(new Fork(step, new Intervention.DeliverMessageNow(message))));

        TraceEvent delivered = forked.trace().stream()
                .filter(event -> event.kind() == TraceEvent.Kind.DELIVER && event.messageId() == message)
                .findFirst()
                .orElseThrow();
        assertThat(delivered.timeNanos()).isEqualTo(original.trace().get(step).timeNanos());
    }

    @Test
    void aCrashAPauseAndACutAreMadeAtTheStepThroughTheSeededFaultsOwnMachinery() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 2);

        SimResult crashed = pingPong(List.of(new Fork(step, new Intervention.CrashNode(B, ms(6)))));
        SimResult paused = pingPong(List.of(new Fork(step, new Intervention.PauseNode(B, ms(6)))));
        SimResult cut = pingPong(List.of(new Fork(
                step,
                new Intervention.CutNetwork(Partition.between(java.util.Set.of(A), java.util.Set.of(B)), ms(6)))));

        assertThat(crashed.stats().crashes()).isEqualTo(1);
        assertThat(crashed.trace().get(step + 2).kind()).isEqualTo(TraceEvent.Kind.CRASH);
        assertThat(paused.trace().get(step + 2).kind()).isEqualTo(TraceEvent.Kind.PAUSE);
        assertThat(cut.trace().get(step + 2).kind()).isEqualTo(TraceEvent.Kind.PARTITION);
        assertThat(cut.stats().messagesDropped()).isGreaterThan(original.stats().messagesDropped());
    }

    @Test
    void aForkThatCannotBeMadeSaysWhy() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 1);
        long message = original.trace().get(step).messageId();
        int delivered = indexOf(original, TraceEvent.Kind.DELIVER, message);

        assertThatThrownBy(() -> pingPong(List.of(new Fork(delivered, new Intervention.DropMessage(message)))))
                .isInstanceOf(ForkException.class)
                .hasMessageContaining("message #" + message + " is not in flight after step " + (delivered + 1));
        assertThatThrownBy(() -> pingPong(List.of(new Fork(1_000_000, new Intervention.DropMessage(message)))))
                .isInstanceOf(ForkException.class)
                .hasMessageContaining("never reached after step 1000001");
        assertThatThrownBy(() -> Simulation.builder(1)
                        .addNode(B, id -> new EchoNode(Scenarios.log()))
                        .steer(Steering.forks(List.of(new Fork(0, new Intervention.DropMessage(1)))))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must record its trace");
        assertThatThrownBy(() -> pingPong(List.of(new Fork(
                        step,
                        new Intervention.CutNetwork(
                                Partition.between(java.util.Set.of(A), java.util.Set.of(Scenarios.N1)), ms(5))))))
                .isInstanceOf(ForkException.class)
                .hasMessageContaining("n1 is not a node or client of this simulation");
        assertThatThrownBy(() -> new Intervention.DelayMessage(1, Duration.ZERO))
                .hasMessageContaining("a delay needs a positive length");
    }

    @Test
    void aNodeAForkLeftDownAtTheEndHasNoStateToMeasureAndTheForkSaysSo() {
        SimResult original = pingPong(List.of());
        int step = firstSendOf(original, 2);
        Simulation untouched = pingPongSimulation(List.of());
        untouched.run(Duration.ofSeconds(1));
        Simulation downAtTheEnd =
                pingPongSimulation(List.of(new Fork(step, new Intervention.CrashNode(B, Duration.ofSeconds(10)))));
        downAtTheEnd.run(Duration.ofSeconds(1));

        assertThat(untouched.nodeAtEnd(B)).isInstanceOf(EchoNode.class);
        assertThatThrownBy(() -> downAtTheEnd.nodeAtEnd(B))
                .isInstanceOf(ForkException.class)
                .hasMessageContaining("a fork left b down when the run ended");
    }

    private static SimResult pingPong(List<Fork> forks) {
        return pingPongSimulation(forks).run(Duration.ofSeconds(1));
    }

    private static Simulation pingPongSimulation(List<Fork> forks) {
        return Simulation.builder(7)
                .network(TWO_MS)
                .addNode(A, id -> new PingerNode(B, 6, ms(1), Scenarios.log()))
                .addNode(B, id -> new EchoNode(Scenarios.log()))
                .recordTrace(true)
                .steer(Steering.forks(forks))
                .build();
    }

    /** The trace index of the {@code nth} (from 1) SEND. */
    private static int firstSendOf(SimResult run, int nth) {
        int seen = 0;
        for (int index = 0; index < run.trace().size(); index++) {
            if (run.trace().get(index).kind() == TraceEvent.Kind.SEND && ++seen == nth) {
                return index;
            }
        }
        throw new AssertionError("fewer than " + nth + " sends");
    }

    private static int indexOf(SimResult run, TraceEvent.Kind kind, long message) {
        for (int index = 0; index < run.trace().size(); index++) {
            if (run.trace().get(index).kind() == kind && run.trace().get(index).messageId() == message) {
                return index;
            }
        }
        throw new AssertionError("no " + kind + " of #" + message);
    }
}
