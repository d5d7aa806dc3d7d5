package sdlab.kv.causal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.causal.CausalConsistency;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.sim.SimResult;

/**
 * The trimmed record of applied versions ({@link AppliedVersionVector}) under partitions, crashes with restarts, torn
 * writes and 10% loss: it answers every question of the dependency check and of the token wait exactly as the
 * untrimmed set of every version would (a test double keeps both and compares), its size stays at the origins plus a
 * few writes above a gap over a hundred thousand writes, and a trim that counts a gap as applied is caught.
 */
class AppliedVersionTrimTest {
    private static final CausalConfig LOCAL = new CausalConfig(
            CausalSimulations.REPLICAS, CausalConfig.ClientMode.LOCAL_REPLICA, 1_000, 300, 500, CausalConfig.Bug.NONE);
    private static final CausalConfig TOKEN = LOCAL.withClientMode(CausalConfig.ClientMode.ANY_REPLICA_WITH_TOKEN);
    /** 9 clients × 29,000 operations, half of them writes, of which about four in five succeed: over 100,000 writes. */
    private static final int LONG_OPS_PER_CLIENT = 29_000;

    /**
     * About as long as the run lasts in virtual time: 10% loss leaves about one operation in five waiting out its 1 s
     * timeout, so an operation takes about a quarter of a second.
     */
    private static final Duration LONG_FAULT_HORIZON = Duration.ofSeconds(6_000);

    /**
     * The vector's largest size allowed: three origins plus the writes applied above a gap, which last until the missing
     * write's resend (300 ms) gets through; seed 1 reached 30 (8 December 2026).
     */
    private static final int PEAK_MAX = 200;

    private static long writesOk(SimResult result) {
        return result.history().ops().stream()
                .filter(op -> op.type() == OpType.OK && CausalClient.WRITE.equals(op.f()))
                .count();
    }

    @Test
    void overAHundredThousandWritesTheRecordHoldsTheOriginsAndAFewWritesAboveAGap() {
        // Shows: the untrimmed set grows to every write applied; the vector's largest size is a tiny fraction of it,
        // and every answer it gave over the run was the untrimmed set's.
        ComparingAppliedVersions.Probe probe = new ComparingAppliedVersions.Probe();
        SimResult result =
                CausalSimulations.simulateLong(1, LOCAL, probe.factory(LOCAL), LONG_OPS_PER_CLIENT, LONG_FAULT_HORIZON);

        System.out.printf(
                "long run: %d writes ok, %d questions, vector peak %d entries, untrimmed peak %d versions, %d s%n",
                writesOk(result),
                probe.questions(),
                probe.entriesPeak(),
                probe.untrimmedPeak(),
                result.virtualTimeNanosEnd() / 1_000_000_000L);
        assertThat(writesOk(result)).isGreaterThan(100_000);
        assertThat(probe.questions()).isGreaterThan(100_000);
        assertThat(probe.disagreements()).isZero();
        assertThat(probe.untrimmedPeak()).isGreaterThan(100_000);
        assertThat(probe.entriesPeak()).isLessThan(PEAK_MAX);
    }

    @Test
    void onThirtySeedsTheTrimmedAnswersAreTheUntrimmedOnesAndHistoriesStayCausal() {
        // Shows: with clients on their own replica and with tokens on any replica, no question is answered otherwise
        // than by the full set, and the causal checker finds every history valid.
        for (CausalConfig config : new CausalConfig[] {LOCAL, TOKEN}) {
            for (long seed = 1; seed <= 30; seed++) {
                ComparingAppliedVersions.Probe probe = new ComparingAppliedVersions.Probe();
                SimResult result = CausalSimulations.simulate(seed, config, probe.factory(config), false);

                assertThat(probe.disagreements())
                        .as("seed %d, %s", seed, config.clientMode())
                        .isZero();
                assertThat(probe.questions()).isPositive();
                assertThat(CausalConsistency.check(result.history()).verdict())
                        .as("seed %d, %s", seed, config.clientMode())
                        .isEqualTo(Verdict.VALID);
            }
        }
    }

    @Test
    void aTrimThatCountsAGapAsAppliedIsCaught() {
        // Shows: the planted bug answers "applied" for writes still missing; the comparison sees it on most seeds, and
        // the causal checker, which knows nothing of the trim, sees its effect on some: with tokens a replica serves a
        // request whose token names a write it never applied.
        long[] disagreeing = new long[2];
        long[] invalid = new long[2];
        CausalConfig[] modes = {LOCAL, TOKEN};
        for (int mode = 0; mode < modes.length; mode++) {
            CausalConfig buggy = modes[mode].withBug(CausalConfig.Bug.TRIM_TREATS_GAP_AS_APPLIED);
            for (long seed = 1; seed <= 30; seed++) {
                ComparingAppliedVersions.Probe probe = new ComparingAppliedVersions.Probe();
                SimResult result = CausalSimulations.simulate(seed, buggy, probe.factory(buggy), false);
                disagreeing[mode] += probe.disagreements() > 0 ? 1 : 0;
                invalid[mode] += CausalConsistency.check(result.history()).verdict() == Verdict.INVALID ? 1 : 0;
            }
        }

        System.out.printf(
                "gap counted as applied: comparison caught %d and %d of 30 seeds (local, token), causal checker %d"
                        + " and %d%n",
                disagreeing[0], disagreeing[1], invalid[0], invalid[1]);
        assertThat(disagreeing[0]).isGreaterThan(15);
        assertThat(disagreeing[1]).isGreaterThan(15);
        assertThat(invalid[1]).isPositive();
    }

    @Test
    void theSameSeedReplaysTheSameLongRun() {
        // Shows: same seed, same trace hash, history and vector sizes; another seed, another run.
        ComparingAppliedVersions.Probe first = new ComparingAppliedVersions.Probe();
        ComparingAppliedVersions.Probe second = new ComparingAppliedVersions.Probe();
        ComparingAppliedVersions.Probe other = new ComparingAppliedVersions.Probe();
        Duration horizon = Duration.ofSeconds(20);
        SimResult a = CausalSimulations.simulateLong(5, LOCAL, first.factory(LOCAL), 1_500, horizon);
        SimResult b = CausalSimulations.simulateLong(5, LOCAL, second.factory(LOCAL), 1_500, horizon);
        SimResult c = CausalSimulations.simulateLong(6, LOCAL, other.factory(LOCAL), 1_500, horizon);

        assertThat(b.traceHash()).isEqualTo(a.traceHash());
        assertThat(b.history()).isEqualTo(a.history());
        assertThat(second.entriesPeak()).isEqualTo(first.entriesPeak());
        assertThat(second.questions()).isEqualTo(first.questions());
        assertThat(c.traceHash()).isNotEqualTo(a.traceHash());
        assertThat(a.history().ops().stream().map(Op::type)).contains(OpType.OK);
    }
}
