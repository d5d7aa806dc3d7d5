package sdlab.chapters.repl.failover;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Chapter 12's claims over a CI-sized sweep, the sweep that {@code ./sdlab run splitbrain --seeds 32} runs: the port
 * check misses hung primaries and splits the brain, the query check splits it too and fails over on a slow primary,
 * the lease without fencing lets a paused primary commit, and the fenced lease never lets two primaries commit.
 */
class SplitBrainClaimsTest {
    private static final int SEEDS = 32;

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new SplitBrainExperiment(), SEEDS);
        claims = report.claimsByName();
        System.out.println(TerminalReport.render(report, false));
    }

    @Test
    void everyAssertionHolds() {
        // Shows: what each check does under the seeds' faults, measured.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsMissedFailoversAndSplitBrain() {
        // Shows: the question's verdict, from the measurement: only B is supported.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("B."));
        }
    }
}
