package sdlab.chapters.repl.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.StrataResult;
import sdlab.lab.report.StratumResult;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 12's claims over a CI-sized sweep, the sweep that {@code ./sdlab run splitbrain --seeds 32} runs: the port
 * check misses hung primaries and splits the brain, the query check splits it too and fails over on a slow primary,
 * the lease without fencing lets a paused primary commit, and the fenced lease never lets two primaries commit; and
 * the report's split of every figure by the fault each seed drew.
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

    @Test
    void theReportSplitsEveryFigureByTheFaultEachSeedDrew() {
        // Shows: a row per fault, in the chapter's order, and each holds exactly the seeds that drew it, counted
        // here from the fault draw itself rather than from the runs.
        StrataResult strata = report.strata().orElseThrow();
        List<String> faults = Arrays.stream(FailoverFaults.Kind.values())
                .map(FailoverFaults.Kind::label)
                .toList();
        assertThat(strata.name()).isEqualTo("fault");
        assertThat(strata.strata()).extracting(StratumResult::value).containsExactlyElementsOf(faults);
        ParamValues values = ParamValues.defaults(new SplitBrainExperiment().params());
        for (StratumResult stratum : strata.strata()) {
            long drawn = LongStream.rangeClosed(1, SEEDS)
                    .filter(seed ->
                            FailoverFaults.draw(values, seed).kind().label().equals(stratum.value()))
                    .count();
            for (String variant : List.of("port", "query", "lease", "lease-fenced")) {
                assertThat(stratum.seeds(variant))
                        .as(stratum.value() + " " + variant)
                        .isEqualTo((int) drawn);
            }
        }
    }

    @Test
    void thePortChecksMissedFailoversAllFallInThePauseAndDiskStrata() {
        // Shows: what the chapter claims, per fault: a port check misses only a primary that keeps its port open
        // while it cannot commit (a pause or a disk that stalls); a crash closes the port, and a cut is seen.
        StrataResult strata = report.strata().orElseThrow();
        Set<String> hanging = Set.of("long-pause", "short-pause", "stuck-disk", "slow-disk");
        double missedWhileHanging = 0;
        for (StratumResult stratum : strata.strata()) {
            double missed = stratum.metric("port", FailoverMeasurements.MISSED);
            if (hanging.contains(stratum.value())) {
                missedWhileHanging += missed;
            } else {
                assertThat(missed).as(stratum.value()).isZero();
            }
        }
        assertThat(missedWhileHanging).isPositive().isEqualTo(report.metric("port", FailoverMeasurements.MISSED));
    }
}
