package sdlab.chapters.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 14's claims over a chapter-sized sweep with every fault kind on, the sweep that
 * {@code ./sdlab run cron --seeds 24} runs: fencing stops stale overwrites, keys stop duplicate
 * effects, only both together do both, and no option stops duplicate runs.
 */
class CronClaimsTest {
    private static final int SEEDS = 24;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "fencingLetsNoStaleLeaderOverwriteItsSuccessor",
            "idempotencyKeysApplyEachSlotOnce",
            "withoutATokenCheckAStaleLeaderOverwritesItsSuccessor",
            "schedulersBeginDuplicateRunsWhateverTheOption",
            "retriesRepeatAnAppliedWrite",
            "oneEffectPerSlotAndNoStaleOverwrite[table-lock]",
            "oneEffectPerSlotAndNoStaleOverwrite[fencing]",
            "oneEffectPerSlotAndNoStaleOverwrite[retries]",
            "oneEffectPerSlotAndNoStaleOverwrite[idempotent]",
            "oneEffectPerSlotAndNoStaleOverwrite[fencing-keys]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new CronExperiment(), SEEDS);
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
        // Shows: the mechanisms' guarantees and limits, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void onlyFencingWithKeysGivesOneEffectPerSlot() {
        // Shows: the question's verdict, from the measurement: B and D together is the only option supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.variant().equals(CronVariant.FENCING_AND_KEYS));
        }
    }
}
