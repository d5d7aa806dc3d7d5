package sdlab.chapters.quorum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 10's claims over 500 seeds with the default parameters: the same sweep that
 * {@code ./sdlab run quorum --seeds 500} runs. What the textbook argument proves must hold on
 * every seed; what it does not prove must be shown by at least one seed.
 */
class QuorumClaimsTest {
    private static final int SEEDS = 500;

    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "noStaleReadsWhenQuorumsOverlap",
            "readYourWritesWhenQuorumsOverlap",
            "monotonicReadsWhenQuorumsOverlap",
            "sessionGuaranteesWhenQuorumsOverlap",
            "linearizableWhenQuorumsOverlap",
            "linearizableWithBlockingWriteBack",
            "staleReadsWhenQuorumsDoNotOverlap[n3r1w1]",
            "staleReadsWhenQuorumsDoNotOverlap[n5r2w2]",
            "staleReadsWithSloppyQuorums[n3r2w2-sloppy]",
            "staleReadsWithSloppyQuorums[n5r3w3-sloppy]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new QuorumExperiment(), SEEDS);
        claims = report.claimsByName();
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void staleReadsOfCompletedWritesVanishWhenQuorumsOverlap() {
        // Shows: with R + W > N no read, in any strict variant, misses a write completed before it began.
        assertThat(claims.get(QuorumClaims.NO_STALE_READS).holds())
                .as(claims.get(QuorumClaims.NO_STALE_READS).evidence())
                .isTrue();
        assertThat(claims.get(QuorumClaims.NO_STALE_READS).seedsChecked()).isEqualTo(SEEDS);
    }

    @Test
    void readYourWritesHoldsWhenQuorumsOverlap() {
        // Shows: a client's own completed write is always visible to its later reads.
        assertThat(claims.get(QuorumClaims.READ_YOUR_WRITES).holds())
                .as(claims.get(QuorumClaims.READ_YOUR_WRITES).evidence())
                .isTrue();
    }

    @Test
    void everyDisjointQuorumReadsStaleValuesOnSomeSeed() {
        // Shows: each R + W <= N variant misses a completed write somewhere in the sweep.
        for (String variant : new String[] {"n3r1w1", "n5r2w2"}) {
            ClaimResult claim = claims.get(QuorumClaims.STALE_WITHOUT_OVERLAP + "[" + variant + "]");
            assertThat(claim.holds()).as(claim.evidence()).isTrue();
            assertThat(report.metric(variant, "staleReads")).isPositive();
        }
    }

    @Test
    void overlapAloneIsNotLinearizableButBlockingWriteBackIs() {
        // Shows: R + W > N without write-back admits non-linearizable histories (partial writes seen,
        // then unseen), while ABD-style write-back keeps every key linearizable on every seed.
        ClaimResult plain = claims.get(QuorumClaims.LINEARIZABLE);
        assertThat(plain.holds()).as(plain.evidence()).isFalse();
        assertThat(plain.counterexampleSeed()).isPresent();
        ClaimResult writeBack = claims.get(QuorumClaims.WRITE_BACK_LINEARIZABLE);
        assertThat(writeBack.holds()).as(writeBack.evidence()).isTrue();
    }

    @Test
    void writeBackCostsMessagesButNoAvailability() {
        // Shows: the write-back round costs extra messages per operation compared with the same quorums without it.
        assertThat(report.metric("n3r2w2-writeback", "messagesPerOp"))
                .isGreaterThan(report.metric("n3r2w2", "messagesPerOp"));
    }
}
