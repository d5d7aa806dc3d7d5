package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.consensus.raft.RaftSimulations.Run;
import sdlab.core.history.History;
import sdlab.core.history.OpType;
import sdlab.sim.SimResult;

/** Raft in the simulator: the four invariants after every event, and linearizable client histories, under faults. */
class RaftSimulationTest {
    // A snapshot every 20 applied entries: every run compacts its logs many times over.
    private static final RaftConfig CONFIG = RaftConfig.defaults().withSnapshotLogEntriesMax(20);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 5);
    }

    private static History checked(long seed, Run run) {
        SimResult result = RaftSimulations.simulate(seed, run, false);
        History history = result.history();
        assertThat(RaftSimulations.count(history, OpType.OK))
                .as("seed %d: some operations succeed", seed)
                .isPositive();
        assertThat(RaftSimulations.linearizable(history)).as("seed %d", seed).isEqualTo(Verdict.VALID);
        return history;
    }

    @Test
    void withoutFaultsEveryOperationEndsOkOrAsAFailedCompareAndTheHistoryIsLinearizable() {
        // A leader is elected, every write commits, every read is served: nothing is unknown.
        Run run = RaftSimulations.standard(CONFIG);
        History history = checked(1, run);

        assertThat(RaftSimulations.count(history, OpType.INFO)).isZero();
        assertThat(RaftSimulations.count(history, OpType.OK) + RaftSimulations.count(history, OpType.FAIL))
                .isEqualTo((long) run.clientCount() * run.opsPerClient());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void crashesAndRestartsWithTornWritesKeepEveryInvariantAndLinearizability(long seed) {
        Run run = RaftSimulations.standard(CONFIG);
        checked(seed, run.withFaults(RaftSimulations.randomFaults(seed, run.nodes(), RaftSimulations.crashes())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void partitionsMajorityMinorityIsolatedAndOneWayKeepEveryInvariantAndLinearizability(long seed) {
        Run run = RaftSimulations.standard(CONFIG);
        checked(seed, run.withFaults(RaftSimulations.randomFaults(seed, run.nodes(), RaftSimulations.partitions())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void lossDuplicationAndReorderingKeepEveryInvariantAndLinearizability(long seed) {
        Run run = RaftSimulations.standard(CONFIG);
        checked(
                seed,
                run.withNetwork(run.network().withLoss(0.1).withDuplication(0.1).withReordering(0.1)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFaultTogetherKeepsEveryInvariantAndLinearizability(long seed) {
        Run run = RaftSimulations.standard(CONFIG);
        checked(
                seed,
                run.withNetwork(run.network().withLoss(0.05).withDuplication(0.05))
                        .withFaults(RaftSimulations.randomFaults(seed, run.nodes(), RaftSimulations.everything())));
    }

    @Test
    void theSameSeedReplaysTheSameRunExactly() {
        Run run = RaftSimulations.standard(CONFIG);
        run = run.withFaults(RaftSimulations.randomFaults(4, run.nodes(), RaftSimulations.everything()));

        SimResult first = RaftSimulations.simulate(4, run, true);
        SimResult second = RaftSimulations.simulate(4, run, true);
        SimResult other = RaftSimulations.simulate(5, run, false);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(other.traceHash()).isNotEqualTo(first.traceHash());
    }
}
