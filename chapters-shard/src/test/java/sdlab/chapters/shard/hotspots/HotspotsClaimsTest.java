package sdlab.chapters.shard.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 16's claims over a CI-sized sweep, the sweep that {@code ./sdlab run hotspots --seeds 6} runs: each remedy's
 * effect on the hottest shard (salting, a read cache and read copies for one hot key included, with their costs), and
 * by the chapter's yardstick virtual nodes fix unlucky tokens while neither they fix a celebrity nor load splits fix
 * monotonic inserts or a hot range. Per-key limits fix the celebrity on these six seeds;
 * over 40 seeds they miss the yardstick once (seed 16: the busiest shard at 1.55x the mean), so that option is left to
 * the report rather than asserted here.
 */
class HotspotsClaimsTest {
    private static final int SEEDS = 6;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            HotspotClaims.VNODES_EVEN_TOKENS,
            HotspotClaims.VNODES_NOT_CELEBRITY,
            HotspotClaims.SPLITS_COOL_RANGE,
            HotspotClaims.SPLITS_CHASE_MONOTONIC,
            HotspotClaims.LIMIT_HOLDS_CELEBRITY,
            HotspotClaims.OWNER_SERVES,
            HotspotClaims.SALTING_SPREADS_WRITES,
            HotspotClaims.CACHE_COOLS_READS,
            HotspotClaims.CACHE_COALESCES,
            HotspotClaims.INVALIDATION_LEAVES_A_RACE,
            HotspotClaims.COPIES_COOL_READS,
            HotspotClaims.TWO_CHOICES_BEAT_RANDOM,
            HotspotClaims.FIXES_TOKENS,
            HotspotClaims.FIXES_CELEBRITY_VNODES,
            HotspotClaims.FIXES_MONOTONIC,
            HotspotClaims.FIXES_RANGE,
            HotspotClaims.FIXES_CELEBRITY_LIMIT,
            HotspotClaims.FIXES_HOT_WRITE_SALT,
            HotspotClaims.FIXES_HOT_READ_CACHE,
            HotspotClaims.FIXES_HOT_READ_COPIES);

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new HotspotsExperiment(), SEEDS);
        claims = report.claimsByName();
        System.out.println(TerminalReport.render(report, false));
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHolds() {
        // Shows: what each remedy does to its hotspot, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void virtualNodesFixUnluckyTokensAndNeitherThemNorLoadSplitsFixTheOthers() {
        // Shows: the measured answer for options A to D: A supported; B, C and D not.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            String letter = option.label().substring(0, 2);
            if (Set.of("A.", "B.", "C.", "D.").contains(letter)) {
                assertThat(option.supported()).as(option.label()).isEqualTo(letter.equals("A."));
            }
        }
    }
}
