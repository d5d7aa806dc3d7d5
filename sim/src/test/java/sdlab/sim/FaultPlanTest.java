package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;

class FaultPlanTest {

    private static final List<NodeId> FIVE =
            List.of(NodeId.of("n1"), NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"), NodeId.of("n5"));

    private static FaultPlan randomPlan(long seed, FaultMix mix) {
        return FaultPlan.random(mix, FIVE, Duration.ofSeconds(10), new SplittableRandom(seed));
    }

    @Test
    void eventsListWhatHappensWhenInTimeOrder() {
        // The timeline has a start and an end for each fault, ordered by time.
        FaultPlan plan = FaultPlan.builder()
                .crash(ms(300), FIVE.get(0), ms(100))
                .partition(ms(100), ms(500), Partition.between(Set.of(FIVE.get(1)), Set.of(FIVE.get(2))))
                .pause(ms(200), FIVE.get(3), ms(50))
                .clockSkew(FIVE.get(4), ms(20), 100)
                .build();

        assertThat(plan.events().stream().map(FaultEvent::format).toList())
                .containsExactly(
                        "    0.000ms CLOCK_SKEW n5 offset 20.000ms, drift 100.0 ppm",
                        "  100.000ms PARTITION {n2} | {n3}",
                        "  200.000ms PAUSE n4",
                        "  250.000ms RESUME n4",
                        "  300.000ms CRASH n1",
                        "  400.000ms RESTART n1",
                        "  600.000ms HEAL {n2} | {n3}");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void randomPlansAreReproducibleFromTheirSeed(long seed) {
        // The same generator state gives the same plan.
        assertThat(randomPlan(seed, FaultMix.standard()).events())
                .isEqualTo(randomPlan(seed, FaultMix.standard()).events());
    }

    @Test
    void randomPlansStayWithinTheMixLimits() {
        // At most faultsPerRunMax faults, each starting within the horizon and lasting at most faultLengthMax.
        FaultMix mix = FaultMix.standard().withFaultsPerRunMax(3).withFaultLengthMax(ms(500));
        for (long seed = 0; seed < 200; seed++) {
            FaultPlan plan = randomPlan(seed, mix);
            assertThat(plan.faults()).hasSizeBetween(1, 3);
            for (Fault fault : plan.faults()) {
                assertThat(fault.atNanos()).isBetween(0L, 10_000_000_000L);
                List<FaultEvent> timeline = fault.timeline();
                long length = timeline.getLast().atNanos() - timeline.getFirst().atNanos();
                assertThat(length).isLessThanOrEqualTo(500_000_000L);
            }
        }
    }

    @Test
    void swarmPlansSwitchKindsOnAndOffPerSeed() {
        // Over many seeds every kind appears, and many plans hold only some of the kinds.
        Set<FaultEvent.Kind> seen = new HashSet<>();
        int plansMissingAKind = 0;
        for (long seed = 0; seed < 300; seed++) {
            Set<FaultEvent.Kind> kinds = randomPlan(seed, FaultMix.standard().withFaultsPerRunMax(20)).events().stream()
                    .map(FaultEvent::kind)
                    .collect(Collectors.toSet());
            seen.addAll(kinds);
            if (!kinds.contains(FaultEvent.Kind.CRASH) || !kinds.contains(FaultEvent.Kind.PARTITION)) {
                plansMissingAKind++;
            }
        }
        assertThat(seen).containsAll(Set.of(FaultEvent.Kind.values()));
        assertThat(plansMissingAKind).isGreaterThan(100);
    }

    @Test
    void aMixWithOnlyCrashesDrawsOnlyCrashes() {
        // Kinds switched off in the mix never appear.
        FaultMix crashesOnly = new FaultMix(false, true, false, false, false, 5, Duration.ofSeconds(1));
        assertThat(LongStream.range(0, 50)
                        .boxed()
                        .flatMap(seed -> randomPlan(seed, crashesOnly).events().stream())
                        .map(FaultEvent::kind))
                .containsOnly(FaultEvent.Kind.CRASH, FaultEvent.Kind.RESTART);
        assertThat(randomPlan(1, FaultMix.nothing()).isEmpty()).isTrue();
    }

    @Test
    void majorityMinorityCutsARandomMinorityFromTheRest() {
        // Five nodes split two against three, every node on exactly one side.
        for (long seed = 0; seed < 20; seed++) {
            Partition.Between partition =
                    (Partition.Between) Partition.majorityMinority(FIVE, new SplittableRandom(seed));
            assertThat(partition.a()).hasSize(2);
            assertThat(partition.b()).hasSize(3);
            assertThat(partition.nodes()).containsExactlyElementsOf(FIVE);
            assertThat(partition.cuts(partition.a().first(), partition.b().first()))
                    .isTrue();
            assertThat(partition.cuts(partition.b().first(), partition.a().first()))
                    .isTrue();
            assertThat(partition.cuts(partition.b().first(), partition.b().last()))
                    .isFalse();
        }
    }

    @Test
    void oneWayPartitionCutsOnlyItsDirection() {
        // from -> to is cut; to -> from is not.
        Partition oneWay = Partition.oneWay(Set.of(FIVE.get(0)), Set.of(FIVE.get(1), FIVE.get(2)));

        assertThat(oneWay.cuts(FIVE.get(0), FIVE.get(2))).isTrue();
        assertThat(oneWay.cuts(FIVE.get(2), FIVE.get(0))).isFalse();
        assertThat(oneWay.describe()).isEqualTo("{n1} -> {n2, n3}");
    }

    @Test
    void mistakesInPlansAreRejectedWithAReason() {
        // Overlapping sides, clogging a node to itself and naming unknown ids are explained.
        assertThatThrownBy(() -> Partition.between(Set.of(FIVE.get(0)), Set.of(FIVE.get(0))))
                .hasMessageContaining("must not overlap");
        assertThatThrownBy(() -> FaultPlan.builder().clog(ms(1), ms(1), FIVE.get(0), FIVE.get(0)))
                .hasMessageContaining("two different ids");
        FaultPlan crashUnknown =
                FaultPlan.builder().crash(ms(1), NodeId.of("ghost"), ms(1)).build();
        assertThatThrownBy(() -> Simulation.builder(1)
                        .addNode(FIVE.get(0), id -> new ScriptedNode())
                        .faults(crashUnknown)
                        .build())
                .hasMessageContaining("ghost");
        FaultPlan crashClient =
                FaultPlan.builder().crash(ms(1), NodeId.of("c"), ms(1)).build();
        assertThatThrownBy(() -> Simulation.builder(1)
                        .addClient(NodeId.of("c"), new RegisterClient(FIVE.get(0), ms(1)))
                        .faults(crashClient)
                        .build())
                .hasMessageContaining("only nodes crash");
    }
}
