package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.check.causal.CausalConsistency;
import sdlab.check.causal.CausalReport;
import sdlab.core.history.OpType;
import sdlab.sim.SimResult;

/**
 * The causal store under random partitions, crashes with restarts, torn writes and 5% message
 * loss, its histories judged by the independent causal checker of {@code sdlab.check.causal}
 * (happens-before from process order and reads-from; no read may return a value overwritten in its
 * causal past).
 */
class CausalSimulationTest {
    /** Resends every 300 ms: a lost replication message leaves a window in which a write can overtake its cause. */
    private static final CausalConfig LOCAL = new CausalConfig(
            CausalSimulations.REPLICAS, CausalConfig.ClientMode.LOCAL_REPLICA, 1_000, 300, 500, CausalConfig.Bug.NONE);

    private static final CausalConfig TOKEN = LOCAL.withClientMode(CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    private static CausalReport check(long seed, CausalConfig config) {
        return CausalConsistency.check(
                CausalSimulations.simulate(seed, config, false).history());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void clientsOnTheirOwnReplicaNeverSeeAnEffectBeforeItsCause(long seed) {
        // Shows: with partitions and crashes, every read respects happens-before; and the run did read and write.
        SimResult result = CausalSimulations.simulate(seed, LOCAL, false);
        CausalReport report = CausalConsistency.check(result.history());

        assertThat(report.verdict()).as("seed %d: %s", seed, report.examples()).isEqualTo(Verdict.VALID);
        assertThat(report.readsChecked()).isGreaterThan(50);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void clientsCarryingATokenToAnyReplicaStayCausal(long seed) {
        // Shows: a client that moves between replicas with its context as a token reads its writes and never backwards.
        CausalReport report = check(seed, TOKEN);

        assertThat(report.verdict()).as("seed %d: %s", seed, report.examples()).isEqualTo(Verdict.VALID);
    }

    @Test
    void theCheckerCatchesAReplicaThatShowsAWriteBeforeItsDependency() {
        // Shows: the planted bug (no dependency check) produces a causal violation on some of the same seeds.
        CausalConfig buggy = LOCAL.withBug(CausalConfig.Bug.SHOWS_WRITE_BEFORE_DEPENDENCY);
        long caught = seeds().filter(seed -> check(seed, buggy).verdict() == Verdict.INVALID)
                .count();

        System.out.printf("no dependency check: causal violations on %d of 30 seeds%n", caught);
        assertThat(caught).isPositive();
    }

    @Test
    void theCheckerCatchesAReplicaThatIgnoresTheToken() {
        // Shows: any-replica reads without the token wait read stale or missing own writes, and the checker sees it.
        CausalConfig buggy = TOKEN.withBug(CausalConfig.Bug.TOKEN_IGNORED);
        long caught = seeds().filter(seed -> check(seed, buggy).verdict() == Verdict.INVALID)
                .count();

        System.out.printf("token ignored: causal violations on %d of 30 seeds%n", caught);
        assertThat(caught).isPositive();
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        // Shows: same seed, same trace hash and history; another seed, another run.
        SimResult first = CausalSimulations.simulate(7, TOKEN, true);
        SimResult second = CausalSimulations.simulate(7, TOKEN, true);
        SimResult other = CausalSimulations.simulate(8, TOKEN, true);

        assertThat(second.traceHash()).isEqualTo(first.traceHash());
        assertThat(second.history()).isEqualTo(first.history());
        assertThat(other.traceHash()).isNotEqualTo(first.traceHash());
        assertThat(first.history().ops().stream().filter(op -> op.type() == OpType.OK))
                .isNotEmpty();
    }
}
