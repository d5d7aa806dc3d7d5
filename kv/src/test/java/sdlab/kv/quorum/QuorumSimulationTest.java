package sdlab.kv.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.Models;
import sdlab.core.NodeId;
import sdlab.core.history.History;
import sdlab.core.history.OpType;
import sdlab.kv.quorum.QuorumSimulations.Run;
import sdlab.sim.FaultMix;
import sdlab.sim.FaultPlan;
import sdlab.sim.SimResult;

/** The quorum store driven by the simulator: workloads, random faults, checked histories. */
class QuorumSimulationTest {
    private static final List<NodeId> NODES = QuorumCluster.nodeIds(5);
    private static final CheckLimits CHECK_LIMITS = CheckLimits.steps(5_000_000);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    private static Verdict linearizable(History history) {
        return Linearizability.check(history, Models.register(), CHECK_LIMITS).verdict();
    }

    /** One key, six clients, 10% message loss and random crashes, partitions, pauses, clogs. */
    private static Run contended(QuorumConfig config, long seed) {
        return new Run(config, 5, 6, 40, 1, 0.1, QuorumSimulations.randomFaultsWithoutSkew(seed, NODES));
    }

    /** The first of seeds 1..40 whose run is not linearizable, or -1. */
    private static long firstNonLinearizableSeed(LongFunction<Run> runOfSeed) {
        for (long seed = 1; seed <= 40; seed++) {
            if (linearizable(QuorumSimulations.simulate(seed, runOfSeed.apply(seed), false)
                            .history())
                    == Verdict.INVALID) {
                return seed;
            }
        }
        return -1;
    }

    @Test
    void aRunWithoutFaultsCompletesEveryOperationWithOk() {
        // The simulator hands every operation to a client and every one of them ends ok.
        Run run = QuorumSimulations.small(QuorumConfig.of(3, 2, 2));
        SimResult result = QuorumSimulations.simulate(3, run, false);

        assertThat(QuorumSimulations.completions(result.history())).isEqualTo(4 * 30);
        assertThat(QuorumSimulations.allOk(result.history())).isTrue();
        assertThat(linearizable(result.history())).isEqualTo(Verdict.VALID);
        assertThat(result.stats().messagesSent()).isPositive();
    }

    @Test
    void theSameSeedReplaysTheSameRunExactly() {
        // Same seed and inputs, same trace hash and history; another seed, another run.
        Run run = QuorumSimulations.small(QuorumConfig.of(3, 2, 2).withSloppy(true))
                .withLoss(0.05)
                .withFaults(QuorumSimulations.randomFaultsWithoutSkew(11, NODES));

        SimResult first = QuorumSimulations.simulate(11, run, true);
        SimResult second = QuorumSimulations.simulate(11, run, true);
        SimResult other = QuorumSimulations.simulate(12, run, false);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.formattedTrace()).isEqualTo(first.formattedTrace());
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(other.traceHash()).isNotEqualTo(first.traceHash());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void blockingWriteBackWithOverlappingQuorumsIsLinearizableUnderFaults(long seed) {
        // ABD-style reads over R + W > N: every history is linearizable, whatever the faults
        // (clocks in step; skew is another story, see package-info).
        QuorumConfig config = QuorumConfig.of(3, 2, 2).withReadRepair(ReadRepair.BLOCKING);
        SimResult result = QuorumSimulations.simulate(seed, contended(config, seed), false);

        assertThat(QuorumSimulations.count(result.history(), OpType.OK, QuorumClient.READ))
                .isPositive();
        assertThat(linearizable(result.history())).as("seed %d", seed).isEqualTo(Verdict.VALID);
    }

    @Test
    void overlappingQuorumsWithoutWriteBackAreNotAlwaysLinearizable() {
        // R + W > N alone: a partially applied write can be seen by one read and missed by a
        // later one; some seed shows it.
        QuorumConfig config = QuorumConfig.of(3, 2, 2).withReadRepair(ReadRepair.NONE);

        assertThat(firstNonLinearizableSeed(seed -> contended(config, seed))).isPositive();
    }

    @Test
    void skewedClocksBreakLinearizabilityEvenWithWriteBack() {
        // Last-writer-wins trusts the coordinators' clocks: a lagging clock stamps a later write
        // older than an earlier one, and the later write is silently lost.
        QuorumConfig config = QuorumConfig.of(3, 2, 2).withReadRepair(ReadRepair.BLOCKING);
        FaultMix skewOnly = new FaultMix(false, false, false, false, true, 4, Duration.ofMillis(800));

        long seed = firstNonLinearizableSeed(s -> new Run(
                config,
                5,
                6,
                40,
                1,
                0,
                FaultPlan.random(skewOnly, NODES, QuorumSimulations.HORIZON, new SplittableRandom(s))));

        assertThat(seed).isPositive();
    }

    @Test
    void readAndWriteQuorumsOfOneServeStaleReadsEvenWithoutFaults() {
        // R = W = 1: reads answered by a replica the latest write has not reached yet.
        QuorumConfig config = QuorumConfig.of(3, 1, 1).withReadRepair(ReadRepair.NONE);

        assertThat(firstNonLinearizableSeed(seed -> new Run(config, 5, 6, 40, 1, 0, FaultPlan.none())))
                .isPositive();
    }

    @Test
    void aSloppyQuorumAcceptsWritesThatAStrictOneCannotWhileANodeIsDown() {
        // W = N = 3 with an owner of both keys down for the whole workload: a strict quorum
        // cannot complete a single write; a sloppy one writes to stand-ins.
        HashRing ring = QuorumCluster.ring(QuorumConfig.of(3, 1, 3), NODES);
        NodeId owner = ring.preferenceList("k0", 3).stream()
                .filter(ring.preferenceList("k1", 3)::contains)
                .findFirst()
                .orElseThrow();
        FaultPlan crash = FaultPlan.builder()
                .crash(Duration.ZERO, owner, Duration.ofMinutes(1))
                .build();
        Run strict = QuorumSimulations.small(QuorumConfig.of(3, 1, 3))
                .withFaults(crash)
                .withCoordinators(
                        NODES.stream().filter(node -> !node.equals(owner)).toList());
        Run sloppy = strict.withConfig(strict.config().withSloppy(true));

        History strictHistory = QuorumSimulations.simulate(5, strict, false).history();
        History sloppyHistory = QuorumSimulations.simulate(5, sloppy, false).history();

        long strictWrites = QuorumSimulations.count(strictHistory, OpType.OK, QuorumClient.WRITE);
        long sloppyWrites = QuorumSimulations.count(sloppyHistory, OpType.OK, QuorumClient.WRITE);
        assertThat(strictWrites).isZero();
        assertThat(sloppyWrites).isEqualTo(QuorumSimulations.count(sloppyHistory, OpType.INVOKE, QuorumClient.WRITE));
    }
}
