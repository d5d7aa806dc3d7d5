package sdlab.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;

/** A hypothesis that fails is a finding: only assertions decide whether a run succeeded. */
class ClaimRoleTest {

    @Test
    void aFailingHypothesisLeavesTheRunSuccessfulButAFailingAssertionDoesNot() {
        // Shows: assertionsHold ignores hypotheses, whatever they measured, and counts every assertion.
        ClaimResult heldAssertion = result("held", Claim.Role.ASSERTION, true);
        ClaimResult failedHypothesis = result("refuted", Claim.Role.HYPOTHESIS, false);
        ClaimResult failedAssertion = result("broken", Claim.Role.ASSERTION, false);

        assertThat(report(List.of(heldAssertion, failedHypothesis)).assertionsHold())
                .isTrue();
        assertThat(report(List.of(heldAssertion, failedHypothesis, failedAssertion))
                        .assertionsHold())
                .isFalse();
    }

    @Test
    void hypothesesAreListedApartInTheTerminalAndMarkedInJson() {
        // Shows: readers can tell a refuted hypothesis from a failed claim in both renderings.
        ExperimentReport report = report(
                List.of(result("held", Claim.Role.ASSERTION, true), result("refuted", Claim.Role.HYPOTHESIS, false)));

        assertThat(TerminalReport.render(report, false)).contains("hypotheses the question tests");
        assertThat(JsonReport.render(report)).contains("\"role\" : \"hypothesis\"");
    }

    private static ClaimResult result(String name, Claim.Role role, boolean holds) {
        return new ClaimResult(
                name,
                "says " + name,
                Claim.Scope.EVERY_SEED,
                role,
                holds,
                10,
                holds ? 10 : 9,
                0.5,
                1.0,
                holds ? "held on 10/10 seeds" : "violated on 1/10 seeds",
                holds ? OptionalLong.empty() : OptionalLong.of(3),
                OptionalLong.empty(),
                Optional.empty());
    }

    private static ExperimentReport report(List<ClaimResult> claims) {
        return new ExperimentReport(
                "toy",
                1,
                "Toy",
                "A toy.",
                "Text.",
                1,
                10,
                List.of(),
                List.of(),
                List.of(),
                claims,
                Optional.empty(),
                List.of());
    }
}
