package sdlab.chapters.traffic.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 17's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run ratelimit-responses --seeds 200} runs, and two parameter changes that
 * show where obeying Retry-After costs time or goes wrong.
 */
class ResponsesClaimsTest {
    private static final int SEEDS = 200;

    private static final ResponsesExperiment EXPERIMENT = new ResponsesExperiment();
    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "retryAfterNeverAsksForLessThanTheLimitersWait",
            "clientsObeyingRetryAfterSendFewerRefusedRequestsThanBlindOnes",
            "blindRetriesRaiseThePeakRequestRate",
            "everyThrottledResponseHasARetryTimeIn[Content-Type]",
            "everyThrottledResponseHasARetryTimeIn[Retry-After]",
            "everyThrottledResponseHasARetryTimeIn[Last-Modified]",
            "everyThrottledResponseHasARetryTimeIn[ETag]",
            "retriesAreRarelyRefusedAgain[retry-after]",
            "retriesAreRarelyRefusedAgain[blind]",
            "retriesAreRarelyRefusedAgain[backoff]",
            "retriesAreRarelyRefusedAgain[backoff-jitter]",
            "retriesAreRarelyRefusedAgain[ratelimit-fields]",
            "jitterLowersThePeakRetryRate",
            "obeyingRetryAfterFinishesAsSoonAsRetryingBlindly");

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweep.quietly(EXPERIMENT, SEEDS);
        claims = report.claimsByName();
    }

    @Test
    void reportsExactlyTheExpectedClaims() {
        // Shows: a claim dropped from the chapter, renamed, or added without a test fails here, by name.
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_CLAIMS);
    }

    @Test
    void everyAssertionHoldsOnEverySeed() {
        // Shows: Retry-After never understates the wait; obeying it wastes less and storms less than blind retry.
        for (ClaimResult claim : report.claims()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
                assertThat(claim.seedsChecked()).isEqualTo(SEEDS);
            }
        }
    }

    @Test
    void onlyRetryAfterCarriesARetryTime() {
        // Shows: of the four fields, only Retry-After gives a time in any 429, and clients timed by it are not refused.
        assertThat(report.supportedOptions()).containsExactly(ResponsesVariant.RETRY_AFTER);
        assertThat(claims.get(ResponsesClaims.retryTimeIn(Headers.RETRY_AFTER)).holds())
                .isTrue();
        for (String header : new String[] {Headers.CONTENT_TYPE, Headers.LAST_MODIFIED, Headers.ETAG}) {
            assertThat(claims.get(ResponsesClaims.retryTimeIn(header)).seedsHolding())
                    .as(header)
                    .isZero();
        }
    }

    @Test
    void blindRetriesAreAlmostAllRefused() {
        // Shows: a client with no retry time sends many requests per success, nearly all refused.
        assertThat(report.metric(ResponsesVariant.BLIND, "rejectedRetryShare")).isGreaterThan(0.9);
        assertThat(report.metric(ResponsesVariant.BLIND, "requestsPerTask")).isGreaterThan(10);
        assertThat(report.metric(ResponsesVariant.RETRY_AFTER, "rejectedRetryShare"))
                .isLessThan(0.01);
        assertThat(report.metric(ResponsesVariant.RETRY_AFTER, "requestsPerTask"))
                .isLessThan(2);
    }

    @Test
    void readingTheRateLimitFieldAvoidsRefusedFirstAttemptsToo() {
        // Shows: pausing when RateLimit says r=0 wastes fewer requests than waiting for the 429.
        assertThat(report.metric(ResponsesVariant.RATELIMIT_FIELDS, "wastedShare"))
                .isLessThan(report.metric(ResponsesVariant.RETRY_AFTER, "wastedShare"));
    }

    @Test
    void wholeSecondRetryAfterSlowsObedientClientsWhenTheBurstIsBelowOneSecondOfQuota() {
        // Shows: with burst 5 of a 10/s quota, waiting whole seconds idles clients; a burst of 10 closes most of it.
        assertThat(claims.get(ResponsesClaims.OBEYING_COSTS_NO_TIME).seedsHolding())
                .isZero();
        ParamValues fullSecond = ParamValues.defaults(EXPERIMENT.params()).with(ResponsesParams.BURST, "10");
        ExperimentReport burst = Sweep.quietly(EXPERIMENT, fullSecond, 20);
        double ratio = burst.metric(ResponsesVariant.RETRY_AFTER, "makespanMs")
                / burst.metric(ResponsesVariant.BLIND, "makespanMs");
        assertThat(ratio).isLessThan(1.3);
    }

    @Test
    void anHttpDateSendsClientsWithFastClocksBackTooEarly() {
        // Shows: with Retry-After as an HTTP-date and client clocks off by up to 2 s, obeying clients are refused
        // again.
        ParamValues skewed = ParamValues.defaults(EXPERIMENT.params())
                .with(ResponsesParams.RETRY_AFTER_FORMAT, "http-date")
                .with(ResponsesParams.CLOCK_SKEW, "2s");
        ExperimentReport dates = Sweep.quietly(EXPERIMENT, skewed, 20);
        assertThat(dates.metric(ResponsesVariant.RETRY_AFTER, "rejectedRetryShare"))
                .isGreaterThan(0.3);
        assertThat(dates.claimsByName().get(ResponsesClaims.NEVER_UNDERSTATED).holds())
                .isTrue();
    }
}
