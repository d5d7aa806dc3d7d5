package sdlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.lab.Experiment;
import sdlab.lab.ParamValues;
import sdlab.lab.SeedRun;
import sdlab.lab.sweep.Sweep;
import sdlab.sim.Fork;
import sdlab.sim.Inspection;
import sdlab.sim.Intervention;
import sdlab.sim.Steering;
import sdlab.sim.TraceEvent;

/**
 * Every chapter that says it takes forks passes them to the simulation it traces: a message in flight halfway through
 * seed 1 is dropped, and the fork is the seed's own run up to that step, then the change, then its own run. A chapter
 * that said so without passing them on would run the seed unchanged, and fail here.
 */
class ForkContractTest {
    /** The chapters that run on the simulator's event loop and so take forks; a new one is added here too. */
    private static final List<String> FORKING = List.of(
            "ledger",
            "ratelimit-placement",
            "canary",
            "locks",
            "isolation",
            "tls-reuse",
            "read-replicas",
            "lb-features",
            "quorum",
            "redis-vs-memcached",
            "splitbrain",
            "cache-warmup",
            "cron",
            "partitioning",
            "hotspots",
            "ratelimit-responses",
            "conflicts",
            "semisync",
            "caching-layers",
            "sagas",
            "consumer-lag",
            "redundancy");

    static Stream<Experiment> forkable() {
        return ExperimentCatalog.load().all().stream().filter(Experiment::takesForks);
    }

    @Test
    void everyChapterOnTheSimulatorSaysItTakesForks() {
        // Shows: a chapter that stopped passing its steering on (and so said it takes no forks) is noticed.
        assertThat(forkable().map(Experiment::id)).containsAll(FORKING);
    }

    @ParameterizedTest
    @MethodSource("forkable")
    void aForkIsTheSeedUpToItsStepThenTheChange(Experiment experiment) {
        ParamValues values = ParamValues.defaults(experiment.params());
        String variant = experiment.variants(values).getFirst().name();
        SeedRun original = Sweep.replay(experiment, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant);
        List<TraceEvent> trace = original.trace();
        int step = inFlightStep(trace);
        long message = messageInFlightAt(trace, step);

        SeedRun fork = Sweep.fork(
                experiment, values, 1, variant, List.of(new Fork(step, new Intervention.DropMessage(message))));

        assertThat(fork.trace().subList(0, step + 1)).isEqualTo(trace.subList(0, step + 1));
        assertThat(fork.trace()).as(experiment.id()).anySatisfy(event -> assertThat(event.detail())
                .isEqualTo("fork after step " + (step + 1) + ": drop message #" + message));
        assertThat(fork.trace()).anySatisfy(event -> {
            assertThat(event.kind()).isEqualTo(TraceEvent.Kind.DROP);
            assertThat(event.messageId()).isEqualTo(message);
            assertThat(event.detail()).startsWith("dropped by a fork");
        });
    }

    @ParameterizedTest
    @MethodSource("forkable")
    void theSameForkOfTheSameSeedIsTheSameRun(Experiment experiment) {
        ParamValues values = ParamValues.defaults(experiment.params());
        String variant = experiment.variants(values).getFirst().name();
        List<TraceEvent> trace = Sweep.replay(experiment, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant)
                .trace();
        int step = inFlightStep(trace);
        List<Fork> forks =
                List.of(new Fork(step, new Intervention.DelayMessage(messageInFlightAt(trace, step), MILLISECOND)));

        SeedRun first = Sweep.fork(experiment, values, 1, variant, forks);
        SeedRun second = Sweep.fork(experiment, values, 1, variant, forks);

        assertThat(second.trace()).as(experiment.id()).isEqualTo(first.trace());
        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.counters()).isEqualTo(first.counters());
    }

    @ParameterizedTest
    @MethodSource("forkable")
    void aNodeCrashedByAForkRestartsAndTheRunIsMeasured(Experiment experiment) {
        // Shows: crashing a busy node halfway is a run the chapter can measure, not an error, and the node comes back.
        ParamValues values = ParamValues.defaults(experiment.params());
        String variant = experiment.variants(values).getFirst().name();
        List<TraceEvent> trace = Sweep.replay(experiment, values, 1, Optional.of(variant))
                .runsByVariant()
                .get(variant)
                .trace();
        int step = inFlightStep(trace);
        NodeId busy = busyNode(experiment, values, variant, trace, step);

        SeedRun fork = Sweep.fork(
                experiment, values, 1, variant, List.of(new Fork(step, new Intervention.CrashNode(busy, MILLISECOND))));

        assertThat(fork.trace().subList(0, step + 1)).isEqualTo(trace.subList(0, step + 1));
        assertThat(fork.trace().subList(step + 1, fork.trace().size()))
                .as(experiment.id())
                .anySatisfy(event -> assertThat(event)
                        .extracting(TraceEvent::kind, TraceEvent::node)
                        .containsExactly(TraceEvent.Kind.CRASH, busy))
                .anySatisfy(event -> assertThat(event)
                        .extracting(TraceEvent::kind, TraceEvent::node)
                        .containsExactly(TraceEvent.Kind.RESTART, busy));
    }

    private static final Duration MILLISECOND = Duration.ofMillis(1);

    /**
     * A node (not a client) at one end of the message in flight at {@code step}, found by looking at the run's nodes
     * there: an inspection, which a chapter that takes forks also takes.
     */
    private static NodeId busyNode(
            Experiment experiment, ParamValues values, String variant, List<TraceEvent> trace, int step) {
        List<NodeId> nodes = new ArrayList<>();
        Sweep.steer(
                experiment,
                values,
                1,
                variant,
                new Steering(List.of(), List.of(new Inspection(step, live -> nodes.addAll(live.ids())))));
        long message = messageInFlightAt(trace, step);
        TraceEvent sent = trace.stream()
                .filter(event -> event.messageId() == message
                        && (event.kind() == TraceEvent.Kind.SEND || event.kind() == TraceEvent.Kind.DUPLICATE))
                .findFirst()
                .orElseThrow();
        return Stream.of(sent.peer(), sent.node())
                .filter(nodes::contains)
                .findFirst()
                .orElseThrow(() -> new AssertionError("message #" + message + " links two clients"));
    }

    /** The first step from the middle of the trace at which some message is in flight. */
    static int inFlightStep(List<TraceEvent> trace) {
        for (int step = trace.size() / 2; step < trace.size(); step++) {
            if (messageInFlightAt(trace, step) > 0) {
                return step;
            }
        }
        throw new AssertionError("no message in flight in the second half of the trace");
    }

    static long messageInFlightAt(List<TraceEvent> trace, int step) {
        Map<Long, Integer> sent = new HashMap<>();
        for (int index = 0; index <= step; index++) {
            TraceEvent event = trace.get(index);
            switch (event.kind()) {
                case SEND, DUPLICATE -> sent.put(event.messageId(), index);
                case DELIVER, DROP -> sent.remove(event.messageId());
                default -> {}
            }
        }
        return sent.keySet().stream().min(Long::compare).orElse(0L);
    }
}
