package sdlab.chapters.cache.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 13's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run cache-warmup --seeds 200} runs: only pre-population keeps the first reads
 * after a deploy off the slow database, and it pays in memory and rows read.
 */
class WarmupClaimsTest {
    private static final int SEEDS = 200;

    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "prepopulationLeavesNoColdMiss",
            "prepopulationHoldsTheWholeDataSet",
            "writeThroughWarmsAtMostOneRecordPerWrite",
            "ttlZeroSendsEveryReadToTheDatabase",
            "lowestColdStartP99[lazy]",
            "lowestColdStartP99[prepopulate]",
            "lowestColdStartP99[write-through]",
            "lowestColdStartP99[ttl-zero]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new WarmupExperiment(), SEEDS);
        claims = report.claimsByName();
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHoldsOnEverySeed() {
        // Shows: the chapter's mechanics, measured: each assertion held over all 200 seeds.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
                assertThat(claim.seedsChecked()).isEqualTo(SEEDS);
            }
        }
    }

    @Test
    void onlyPrepopulationMinimisesTheColdStartTail() {
        // Shows: the question's verdict: pre-population has the lowest p99 on every seed, the others on none.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.variant().equals(WarmupVariant.PREPOPULATE));
        }
    }

    @Test
    void coldReadsWaitForTheDatabaseWhileAWarmCacheAnswersInARoundTrip() {
        // Shows: a warm cache answers the first reads in about a network round trip; the others wait for the database.
        double warmP99 = report.metric(WarmupVariant.PREPOPULATE, "readLatencyMsP99");
        assertThat(warmP99).isLessThan(5);
        for (String cold : new String[] {WarmupVariant.LAZY, WarmupVariant.WRITE_THROUGH, WarmupVariant.TTL_ZERO}) {
            assertThat(report.metric(cold, "readLatencyMsP99")).as(cold).isGreaterThan(20 * warmP99);
            assertThat(report.metric(cold, "coldMissShare")).as(cold).isGreaterThan(0.8);
        }
    }

    @Test
    void prepopulationPaysInMemoryAndRowsRead() {
        // Shows: the cost of the warm start: the whole data set in memory and read from the database at start-up.
        assertThat(report.metric(WarmupVariant.PREPOPULATE, "cacheMemoryBytes"))
                .isGreaterThan(5 * report.metric(WarmupVariant.LAZY, "cacheMemoryBytes"));
        assertThat(report.metric(WarmupVariant.PREPOPULATE, "dbRowsRead"))
                .isGreaterThan(5 * report.metric(WarmupVariant.LAZY, "dbRowsRead"));
        assertThat(report.metric(WarmupVariant.PREPOPULATE, "dbQueries"))
                .isLessThan(report.metric(WarmupVariant.LAZY, "dbQueries"));
    }

    @Test
    void aWarmUpThatOutlastsTheReadinessDelayLeavesColdMisses() {
        // Shows: pre-population only helps if it finishes before traffic arrives; with a 100 ms delay it does not.
        WarmupExperiment experiment = new WarmupExperiment();
        ParamValues hurried = ParamValues.defaults(experiment.params()).with(WarmupParams.TRAFFIC_AFTER, "100ms");
        ExperimentReport early = Sweep.quietly(experiment, hurried, 20);
        ClaimResult noColdMiss = early.claimsByName().get(WarmupClaims.NO_COLD_MISS);
        assertThat(noColdMiss.holds()).isFalse();
        assertThat(early.metric(WarmupVariant.PREPOPULATE, "warmupMs")).isGreaterThan(100);
        assertThat(early.metric(WarmupVariant.PREPOPULATE, "coldMissShare")).isPositive();
    }
}
