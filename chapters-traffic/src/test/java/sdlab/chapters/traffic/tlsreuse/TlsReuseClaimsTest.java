package sdlab.chapters.traffic.tlsreuse;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.chapters.traffic.Sweeps.metric;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.Sweeps;
import sdlab.lab.Claim;
import sdlab.lab.ParamValues;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;

/**
 * Chapter 7's claims over 200 seeds with the default parameters, the sweep that
 * {@code ./sdlab run tls-reuse --seeds 200} runs, and what shared ticket keys and parallel
 * writes change.
 */
class TlsReuseClaimsTest {
    private static final int SEEDS = 200;

    private static final TlsReuseExperiment EXPERIMENT = new TlsReuseExperiment();
    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        report = Sweeps.sweep(EXPERIMENT, SEEDS);
        claims = Sweeps.claimsByName(report);
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
        assertThat(claims)
                .containsKeys(
                        TlsClaims.BACKENDS_HANDSHAKE_ONLY_UPSTREAM,
                        TlsClaims.DRAINING_RESETS_NOTHING,
                        TlsClaims.ABRUPT_RESTART_RESETS,
                        TlsClaims.H2_NO_MORE_CONNECTIONS);
    }

    @Test
    void onlyTerminationWithUpstreamReuseHalvesTheHandshakeCost() {
        // Shows: the measured answer: termination at the gateway moves handshakes off the backends and resumes them.
        assertThat(Sweeps.supportedOptions(report)).containsExactly(TlsVariant.TERMINATE_REUSE);
        assertThat(metric(report, TlsVariant.TERMINATE_REUSE, "backendFullHandshakesPerWake"))
                .isLessThan(0.05);
        assertThat(metric(report, TlsVariant.TERMINATE_REUSE, "resumedShare")).isGreaterThan(0.7);
    }

    @Test
    void affinityHelpsResumptionButDoesNotHalveTheCost() {
        // Shows: returning to the last backend lets more sessions resume, short of halving the handshakes.
        double affinity = metric(report, TlsVariant.AFFINITY, "handshakeCpuUsPerWake");
        double baseline = metric(report, TlsVariant.PASSTHROUGH, "handshakeCpuUsPerWake");
        assertThat(affinity).isLessThan(0.8 * baseline).isGreaterThan(0.5 * baseline);
        assertThat(metric(report, TlsVariant.AFFINITY, "resumedShare"))
                .isGreaterThan(metric(report, TlsVariant.PASSTHROUGH, "resumedShare"));
    }

    @Test
    void sharedTicketKeysLetAnyBackendResumeWithoutAffinity() {
        // Shows: with one ticket key across the backends, the pass-through baseline resumes most sessions too.
        ParamValues shared = ParamValues.defaults(EXPERIMENT.params()).with(TlsParams.SHARED_TICKET_KEYS, "true");
        ExperimentReport keys = Sweeps.sweep(EXPERIMENT, shared, 20);
        assertThat(metric(keys, TlsVariant.PASSTHROUGH, "resumedShare")).isGreaterThan(0.7);
    }

    @Test
    void withParallelWritesHttp2CutsTheConnectionsPerWake() {
        // Shows: when a wake's writes go out at once, HTTP/1.1 needs a connection (and handshake) per write.
        ParamValues parallel = ParamValues.defaults(EXPERIMENT.params()).with(TlsParams.PARALLEL_WRITES, "true");
        ExperimentReport writes = Sweeps.sweep(EXPERIMENT, parallel, 20);
        assertThat(metric(writes, TlsVariant.PASSTHROUGH, "connectionsPerWake")).isGreaterThan(2.9);
        assertThat(metric(writes, TlsVariant.H2, "connectionsPerWake")).isLessThan(1.1);
        assertThat(Sweeps.claimsByName(writes)
                        .get(TlsClaims.forVariant(TlsClaims.HALVES_BACKEND_FULL, TlsVariant.H2))
                        .holds())
                .isTrue();
    }
}
