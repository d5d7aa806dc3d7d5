package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.SplitBrainRun.Check;
import sdlab.repl.SplitBrainRun.Fault;
import sdlab.repl.SplitBrainRun.Outcome;

/**
 * What each health check does under each fault of the primary, over many seeds: the port check misses a paused
 * primary and splits the brain when the manager's side is cut from the primary's; the query check fails over on a
 * pause and splits the brain too; the lease with fencing never lets two primaries commit and loses no acknowledged
 * write; and each planted bug breaks that.
 */
class SplitBrainTest {
    private static final int SEEDS = 8;

    private static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    private static Outcome run(long seed, Check check, Fault fault) {
        return SplitBrainRun.run(seed, check, fault, Bug.NONE);
    }

    @Test
    void thePortCheckNeverFailsOverAPausedPrimaryAndWritesStopMeanwhile() {
        // Shows: the kernel answers the port while the process is stopped, so the manager sees a healthy primary for
        // the whole 2 s pause; the query check fails over and the clients go on writing at the new primary.
        seeds().forEach(seed -> {
            Outcome port = run(seed, Check.PORT, Fault.LONG_PAUSE);
            Outcome query = run(seed, Check.QUERY, Fault.LONG_PAUSE);
            assertThat(port.ledger().promotions).as("seed %d", seed).isEmpty();
            assertThat(query.ledger().promotions).as("seed %d", seed).isNotEmpty();
            assertThat(port.acknowledged().size())
                    .as("seed %d", seed)
                    .isLessThan(query.acknowledged().size() * 3 / 4);
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Check.class,
            names = {"PORT", "QUERY"})
    void portAndQueryChecksSplitTheBrainWhenTheManagerIsCutFromThePrimarysSide(Check check) {
        // Shows: the clients on the primary's side keep writing to it while the manager promotes r1 for the others;
        // both commit at the same positions, and when the cut heals the old primary discards what it took, writes
        // its clients had heard "ok" for.
        seeds().forEach(seed -> {
            Outcome outcome = run(seed, check, Fault.ZONE_SPLIT);
            assertThat(outcome.ledger().conflictingPositions())
                    .as("seed %d", seed)
                    .isPositive();
            assertThat(outcome.lost()).as("seed %d", seed).isNotEmpty();
            assertThat(outcome.ledger().discarded).as("seed %d", seed).isPositive();
        });
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theFencedLeaseNeverLetsTwoPrimariesCommitAndLosesNoAcknowledgedWrite(Fault fault) {
        // Shows: under every fault, no position is committed by two primaries and every acknowledged write is in
        // the final primary's log.
        seeds().forEach(seed -> {
            Outcome outcome = run(seed, Check.LEASE_FENCED, fault);
            assertThat(outcome.ledger().conflictingPositions())
                    .as("seed %d", seed)
                    .isZero();
            assertThat(outcome.lost()).as("seed %d", seed).isEmpty();
            assertThat(outcome.acknowledged()).as("seed %d", seed).isNotEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(
            value = Check.class,
            names = {"LEASE", "LEASE_FENCED"})
    void aPausedLeaseServiceIsNoReasonToFailOver(Check check) {
        // Shows: while the lease service is stopped the manager's lease checks go unanswered, and that says nothing
        // about the primary, which may still hold its lease and commit; the manager keeps it (a real cluster under
        // `cluster test repl` promoted a replica here, and the old primary went on committing with the other
        // replica's acknowledgements until its lease lapsed: writes the new primary never had).
        seeds().forEach(seed -> {
            Outcome outcome = run(seed, check, Fault.LEASE_SERVICE_PAUSE);
            assertThat(outcome.ledger().promotions).as("seed %d", seed).isEmpty();
            assertThat(outcome.lost()).as("seed %d", seed).isEmpty();
        });
    }

    @Test
    void aLeaseWithoutFencingStillCommitsTheWriteAPausedPrimaryHadTaken() {
        // Shows: the primary took a write before its pause, while it held the lease; when it resumes, the write's sync
        // completes and it commits it at a position the new primary had used. Only a check on the path to the
        // acknowledgement (the fenced replicas) stops that.
        long conflicts = seeds().map(seed ->
                        run(seed, Check.LEASE, Fault.LONG_PAUSE).ledger().conflictingPositions())
                .sum();
        assertThat(conflicts).isPositive();
    }

    @Test
    void aPromotionThatIgnoresTheFencingTokenLetsTheDeposedPrimaryCommitAgain() {
        // Shows: the planted bug makes the fenced store lose acknowledged writes after a pause of the primary.
        long lost = seeds().map(seed -> SplitBrainRun.run(
                                seed, Check.LEASE_FENCED, Fault.LONG_PAUSE, Bug.PROMOTION_IGNORES_FENCING_TOKEN)
                        .lost()
                        .size())
                .sum();
        assertThat(lost).isPositive();
    }

    @Test
    void aPrimaryThatDoesNotDemoteItselfSplitsTheBrainDespiteItsLease() {
        // Shows: the planted bug: cut off from the lease service, the primary goes on taking writes from the clients
        // on its side after its lease ran out, while the manager promotes r1 for the others.
        seeds().forEach(seed -> {
            Outcome buggy = SplitBrainRun.run(seed, Check.LEASE, Fault.ZONE_SPLIT, Bug.NO_SELF_DEMOTION);
            Outcome correct = run(seed, Check.LEASE, Fault.ZONE_SPLIT);
            assertThat(buggy.ledger().conflictingPositions())
                    .as("seed %d", seed)
                    .isGreaterThan(correct.ledger().conflictingPositions() * 5);
        });
    }

    @Test
    void theSameSeedReplaysTheSameRun() {
        long first = run(5, Check.LEASE_FENCED, Fault.ZONE_SPLIT).result().traceHash();
        assertThat(run(5, Check.LEASE_FENCED, Fault.ZONE_SPLIT).result().traceHash())
                .isEqualTo(first);
        assertThat(run(6, Check.LEASE_FENCED, Fault.ZONE_SPLIT).result().traceHash())
                .isNotEqualTo(first);
    }
}
