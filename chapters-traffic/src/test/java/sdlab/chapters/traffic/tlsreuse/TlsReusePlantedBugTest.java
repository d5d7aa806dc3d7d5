package sdlab.chapters.traffic.tlsreuse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;

/** The claims can fail: a terminating gateway that does not reuse upstream connections makes backends handshake. */
class TlsReusePlantedBugTest {

    @Test
    void aGatewayWithoutUpstreamReuseBreaksTheBackendHandshakeClaimWithAReplayableSeed() {
        // Shows: the claim that holds on every seed fails on seed 1 when every write opens a new upstream connection.
        ExperimentReport report = Sweep.quietly(new TlsReuseExperiment(false), 5);
        ClaimResult claim = report.claimsByName().get(TlsClaims.BACKENDS_HANDSHAKE_ONLY_UPSTREAM);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).hasValue(1);
        assertThat(claim.replayCommand())
                .hasValueSatisfying(command -> assertThat(command).startsWith("./sdlab run tls-reuse --seed 1"));
        assertThat(claim.evidence()).contains("handshakes");
    }
}
