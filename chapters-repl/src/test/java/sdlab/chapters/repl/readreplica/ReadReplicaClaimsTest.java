package sdlab.chapters.repl.readreplica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.sweep.Sweep;

/**
 * Chapter 8's claims over a CI-sized sweep, on the scaled-down run of {@link SmallRun} ({@code ./sdlab run read-replicas --seeds 20} runs the full size):
 * read-your-writes never misses a client's own write, lag-aware routing bounds staleness, even balancing serves stale
 * reads from the catching-up replica, and the new replica starts colder than the old one.
 */
class ReadReplicaClaimsTest {
    private static final int SEEDS = 3;

    private static final List<String> EXPECTED_CLAIMS = List.of(
            ReadReplicaClaims.READ_YOUR_WRITES_HOLDS,
            ReadReplicaClaims.LAG_AWARE_BOUNDED,
            ReadReplicaClaims.EVEN_SERVES_STALE,
            ReadReplicaClaims.NEW_REPLICA_COLD,
            ReadReplicaClaims.LAG_WAITS,
            ReadReplicaClaims.FAVOURS_NEW,
            ReadReplicaClaims.COLD_CACHE,
            ReadReplicaClaims.ELECTIONS);

    private static ExperimentReport report;
    private static Map<String, ClaimResult> claims;

    @BeforeAll
    static void sweep() {
        ReadReplicaExperiment experiment = new ReadReplicaExperiment();
        report = Sweep.quietly(experiment, SmallRun.values(experiment), SEEDS);
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
        // Shows: the policies' promises, measured from the client history over the sweep.
        for (ClaimResult claim : claims.values()) {
            if (claim.role() == Claim.Role.ASSERTION) {
                assertThat(claim.holds())
                        .as(claim.name() + ": " + claim.evidence())
                        .isTrue();
            }
        }
    }

    @Test
    void theColdCacheExplainsTheRiseAndNoElectionDoes() {
        // Shows: the question's verdict on these seeds, from the measurement: the new replica's reads hold the added
        // time (C); adding a read replica changes no leader, so D is refuted by the count of role changes.
        assertThat(claims.get(ReadReplicaClaims.COLD_CACHE).holds())
                .as(claims.get(ReadReplicaClaims.COLD_CACHE).evidence())
                .isTrue();
        assertThat(claims.get(ReadReplicaClaims.ELECTIONS).holds()).isFalse();
    }
}
