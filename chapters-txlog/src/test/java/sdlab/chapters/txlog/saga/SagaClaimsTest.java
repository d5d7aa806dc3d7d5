package sdlab.chapters.txlog.saga;

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
 * Chapter 21's claims over a CI-sized sweep, the sweep that {@code ./sdlab run sagas --seeds 8} runs: with keys and
 * a durable log every saga ends all done or all compensated, a downstream rejection is what compensates, load and
 * pauses do not, and dropping the keys or the log breaks the end states.
 */
class SagaClaimsTest {
    private static final int SEEDS = 8;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            "everySagaEndsAllDoneOrAllCompensated",
            "aChoreographyEndsEverySagaAllDoneOrAllCompensated",
            "idempotencyKeysApplyNoStepTwice",
            "aDownstreamRejectionIsWhatTriggersCompensation",
            "loadAloneCompensatesNothing",
            "gcPausesAloneCompensateNothing",
            "withoutIdempotencyKeysDuplicatesDoubleApply",
            "withoutADurableSagaLogACrashLeavesSagasStuck",
            "readersSeeStepsThatAreLaterCompensated",
            "loadTriggersCompensation",
            "compensationWithoutARejection",
            "aGcPauseTriggersCompensation");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new SagaExperiment(), SEEDS);
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
        // Shows: the end states, the trigger and what the keys and the log buy, measured over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsADownstreamStep() {
        // Shows: the question's verdict, from the measurement: only B is supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("B."));
        }
    }
}
