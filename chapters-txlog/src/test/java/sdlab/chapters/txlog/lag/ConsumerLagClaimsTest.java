package sdlab.chapters.txlog.lag;

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

/** Chapter 22's claims over a CI-sized sweep: consumer lag tracks the p95 spikes, the other three metrics do not. */
class ConsumerLagClaimsTest {
    private static final int SEEDS = 6;

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new ConsumerLagExperiment(), SEEDS);
        claims = report.claimsByName();
        System.out.println(TerminalReport.render(report, false));
    }

    @Test
    void everyAssertionHolds() {
        // Shows: lag tracks p95 under stalls, the dead-letter topic fills only with poison, TTL stays silent.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theMeasuredAnswerIsConsumerLag() {
        // Shows: the question's verdict, from the measurement.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.label().startsWith("B."));
        }
    }
}
