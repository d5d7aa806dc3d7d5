package sdlab.chapters.traffic.tlsreuse;

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
 * Chapter 7's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run tls-reuse --seeds 200} runs, and what shared ticket keys and parallel
 * writes change.
 */
class TlsReuseClaimsTest {
    private static final int SEEDS = 200;

    private static final TlsReuseExperiment EXPERIMENT = new TlsReuseExperiment();
    /** Every claim the chapter makes at its defaults, by the names reports and scripts know them by. */
    private static final List<String> EXPECTED_CLAIMS = List.of(
            "withTerminationBackendsHandshakeOnlyForUpstreamConnections",
            "drainingResetsNoDeviceConnection",
            "aRestartWithoutDrainingResetsDeviceConnections",
            "http2NeverOpensMoreConnectionsThanHttp1",
            "atLeastHalvesBackendFullHandshakesPerWake[h2]",
            "atLeastHalvesHandshakeCpuPerWake[h2]",
            "atLeastHalvesBackendFullHandshakesPerWake[draining]",
            "atLeastHalvesHandshakeCpuPerWake[draining]",
            "atLeastHalvesBackendFullHandshakesPerWake[affinity]",
            "atLeastHalvesHandshakeCpuPerWake[affinity]",
            "atLeastHalvesBackendFullHandshakesPerWake[terminate-reuse]",
            "atLeastHalvesHandshakeCpuPerWake[terminate-reuse]");

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
    void everyAssertionHolds() {
        // Shows: termination keeps handshakes off the backends; draining resets nothing; HTTP/2 opens no more.
        for (ClaimResult claim : report.claims()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void onlyTerminationWithUpstreamReuseHalvesTheHandshakeCost() {
        // Shows: the measured answer: termination at the gateway moves handshakes off the backends and resumes them.
        assertThat(report.supportedOptions()).containsExactly(TlsVariant.TERMINATE_REUSE);
        assertThat(report.metric(TlsVariant.TERMINATE_REUSE, "backendFullHandshakesPerWake"))
                .isLessThan(0.05);
        assertThat(report.metric(TlsVariant.TERMINATE_REUSE, "resumedShare")).isGreaterThan(0.7);
    }

    @Test
    void affinityHelpsResumptionButDoesNotHalveTheCost() {
        // Shows: returning to the last backend lets more sessions resume, short of halving the handshakes.
        double affinity = report.metric(TlsVariant.AFFINITY, "handshakeCpuUsPerWake");
        double baseline = report.metric(TlsVariant.PASSTHROUGH, "handshakeCpuUsPerWake");
        assertThat(affinity).isLessThan(0.8 * baseline).isGreaterThan(0.5 * baseline);
        assertThat(report.metric(TlsVariant.AFFINITY, "resumedShare"))
                .isGreaterThan(report.metric(TlsVariant.PASSTHROUGH, "resumedShare"));
    }

    @Test
    void sharedTicketKeysLetAnyBackendResumeWithoutAffinity() {
        // Shows: with one ticket key across the backends, the pass-through baseline resumes most sessions too.
        ParamValues shared = ParamValues.defaults(EXPERIMENT.params()).with(TlsParams.SHARED_TICKET_KEYS, "true");
        ExperimentReport keys = Sweep.quietly(EXPERIMENT, shared, 20);
        assertThat(keys.metric(TlsVariant.PASSTHROUGH, "resumedShare")).isGreaterThan(0.7);
    }

    @Test
    void withParallelWritesHttp2CutsTheConnectionsPerWake() {
        // Shows: when a wake's writes go out at once, HTTP/1.1 needs a connection (and handshake) per write.
        ParamValues parallel = ParamValues.defaults(EXPERIMENT.params()).with(TlsParams.PARALLEL_WRITES, "true");
        ExperimentReport writes = Sweep.quietly(EXPERIMENT, parallel, 20);
        assertThat(writes.metric(TlsVariant.PASSTHROUGH, "connectionsPerWake")).isGreaterThan(2.9);
        assertThat(writes.metric(TlsVariant.H2, "connectionsPerWake")).isLessThan(1.1);
        assertThat(writes.claimsByName()
                        .get(TlsClaims.forVariant(TlsClaims.HALVES_BACKEND_FULL, TlsVariant.H2))
                        .holds())
                .isTrue();
    }
}
