package sdlab.chapters.traffic.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.chapters.traffic.canary.CanaryMessage.PageRequest;
import sdlab.chapters.traffic.canary.CanaryMessage.Pin;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.sweep.Sweep;
import sdlab.traffic.routing.CanarySelector;
import sdlab.traffic.routing.Track;

/**
 * The claims can fail: an ingress whose canary rule forgets to look at the header sends
 * everyone to the canary, and one that ignores session pins splits sessions when the rule
 * switches. The broken rules are planted through the experiment's {@link CanaryRouter} seam; the
 * pins-ignored one still asks the shared selector, the gateway's, only with the pin stripped.
 */
class CanaryPlantedBugTest {

    @Test
    void aRouteThatIgnoresTheHeaderBreaksTheSparingClaimWithAReplayableSeed() {
        // Shows: the sweep that passes with the real rule fails, naming seed 1, when the rule ignores the header.
        CanaryExperiment broken = new CanaryExperiment((selector, request, canaryOn, random) ->
                new CanarySelector.Choice(canaryOn ? Track.CANARY : Track.STABLE, null));
        ExperimentReport report = Sweep.quietly(broken, 5);
        ClaimResult claim = report.claimsByName().get(CanaryClaims.HEADER_SPARES_OTHERS);

        assertThat(claim.holds()).as(claim.evidence()).isFalse();
        assertThat(claim.counterexampleSeed()).hasValue(1);
        assertThat(claim.replayCommand())
                .hasValueSatisfying(command -> assertThat(command).startsWith("./sdlab run canary --seed 1"));
        assertThat(claim.evidence()).contains("otherUsersCanaryPages");
    }

    @Test
    void aRouteThatIgnoresSessionPinsBreaksTheSessionClaimWithAReplayableSeed() {
        // Shows: with pins ignored (the shared selector asked as if no request carried one), the header alone decides
        // every request, so a chosen user's session that began on stable moves to the canary when the rule switches
        // on: the pinned-session assertion and the header option's session hypothesis fail, naming seed 1, and no
        // option is supported any more.
        CanaryExperiment broken =
                new CanaryExperiment((selector, request, canaryOn, random) -> CanaryRouter.SHARED.route(
                        selector, new PageRequest(request.requestId(), request.chosen(), Pin.NONE), canaryOn, random));
        ExperimentReport report = Sweep.quietly(broken, 5);

        for (String name : List.of(
                CanaryClaims.PINNED_HEADER_KEEPS_SESSIONS,
                CanaryClaims.forVariant(CanaryClaims.SESSIONS_WHOLE, CanaryVariant.INGRESS_HEADER))) {
            ClaimResult claim = report.claimsByName().get(name);
            assertThat(claim).as(name).isNotNull();
            assertThat(claim.holds()).as(name + ": " + claim.evidence()).isFalse();
            assertThat(claim.counterexampleSeed()).as(name).hasValue(1);
            assertThat(claim.replayCommand()).as(name).hasValueSatisfying(command -> assertThat(command)
                    .startsWith("./sdlab run canary --seed 1 "));
        }
        assertThat(report.claimsByName().get(CanaryClaims.HEADER_SPARES_OTHERS).holds())
                .as("ignoring pins still sends no unmarked user to the canary")
                .isTrue();
        assertThat(report.assertionsHold()).isFalse();
        assertThat(report.supportedOptions()).isEmpty();
    }
}
