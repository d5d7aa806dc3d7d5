package sdlab.chapters.cache.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 20's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run caching-layers --seeds 200} runs: the edge POP cuts origin bandwidth most and,
 * keyed by URL and Vary, keeps every user's variant their own; the inner layers cut no byte.
 */
class CachingLayersClaimsTest {
    private static final int SEEDS = 200;

    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "onlyAnEdgeKeyedByUrlAloneMakesPersonalisationMistakes",
            "edgeKeyedByUrlAloneServesOtherUsersVariants",
            "appAndDatabaseCachesLeaveOriginBytesUnchanged",
            "appMemoryCacheSparesTheDatabase",
            "bufferPoolSparesTheDisk",
            "cutsOriginBandwidthMostKeepingPersonalisation[browser]",
            "cutsOriginBandwidthMostKeepingPersonalisation[edge]",
            "cutsOriginBandwidthMostKeepingPersonalisation[app-memory]",
            "cutsOriginBandwidthMostKeepingPersonalisation[db-buffer]");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(new CachingLayersExperiment(), SEEDS);
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
    void onlyTheEdgeOptionIsSupported() {
        // Shows: the question's verdict: of the four layers alone, the edge leaves the origin the fewest bytes.
        QuestionResult question = report.question().orElseThrow();
        for (QuestionResult.OptionResult option : question.options()) {
            assertThat(option.supported())
                    .as(option.label())
                    .isEqualTo(option.variant().equals(LayersVariant.EDGE));
        }
    }

    @Test
    void theEdgeTakesAboutHalfTheBytesOffTheOriginAndTheBrowserAFewPercent() {
        // Shows: shared video segments dominate the bytes, and only a shared cache can serve one user's segment to
        // another.
        double edge = report.metric(LayersVariant.EDGE, "originByteShare");
        double browser = report.metric(LayersVariant.BROWSER, "originByteShare");
        assertThat(edge).isLessThan(0.6);
        assertThat(browser).isBetween(0.8, 0.99);
        assertThat(report.metric(LayersVariant.APP_MEMORY, "originByteShare")).isEqualTo(1.0);
        assertThat(report.metric(LayersVariant.DB_BUFFER, "originByteShare")).isEqualTo(1.0);
    }

    @Test
    void cachingEverythingByUrlSavesABitMoreAndShowsUsersOtherUsersPages() {
        // Shows: the misconfigured edge gains a few points of origin bytes by serving private and Vary'd responses to
        // the wrong users.
        assertThat(report.metric(LayersVariant.EDGE_URL_KEY, "originByteShare"))
                .isLessThan(report.metric(LayersVariant.EDGE, "originByteShare"));
        assertThat(report.metric(LayersVariant.EDGE_URL_KEY, "personalisationMistakes"))
                .isPositive();
        assertThat(report.metric(LayersVariant.ALL_LAYERS, "personalisationMistakes"))
                .isZero();
    }

    @Test
    void theInnerLayersSpareTheDatabaseAndItsDisk() {
        // Shows: what the application cache and the buffer pool are for: database queries and disk reads.
        assertThat(report.metric(LayersVariant.APP_MEMORY, "dbQueries"))
                .isLessThan(report.metric(LayersVariant.NO_CACHE, "dbQueries") / 2);
        assertThat(report.metric(LayersVariant.DB_BUFFER, "diskReads"))
                .isLessThan(report.metric(LayersVariant.NO_CACHE, "diskReads") / 2);
    }
}
