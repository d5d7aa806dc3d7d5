package sdlab.chapters.coord;

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
 * Chapter 5's claims over a chapter-sized sweep with every fault kind on, the sweep that
 * {@code ./sdlab run locks --seeds 12} runs: the fenced lock keeps the counter, the others lose
 * increments, holders overlap whatever the recipe, the plain lock herds, and sync keeps reads fresh.
 */
class LockClaimsTest {
    private static final int SEEDS = 12;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "theFencedLockLosesNoIncrement",
            "withoutATokenCheckAPausedHolderLosesIncrements",
            "noRecipeKeepsHoldersApartInRealTime",
            "theSequentialRecipeWakesFewerWaitersThanThePlainLock",
            "aReadAfterSyncIsNeverStale",
            "aReadWithoutSyncFromALaggingServerIsStale",
            "keepsTheCounterExact[ephemeral]",
            "keepsTheCounterExact[sequential]",
            "keepsTheCounterExact[sequential-fenced]",
            "keepsTheCounterExact[ttl-lease]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new LockExperiment(), SEEDS);
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
    void onlyTheFencedLockKeepsTheCounterExact() {
        // Shows: the question's verdict, from the measurement: C is the only option supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.variant().equals(LockVariant.FENCED));
        }
    }
}
