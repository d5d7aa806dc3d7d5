package sdlab.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import sdlab.lab.Claim;
import sdlab.lab.Question;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.ExperimentReport;
import sdlab.lab.report.JsonReport;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.QuestionResult.Decision;
import sdlab.lab.report.TerminalReport;
import sdlab.lab.report.html.HtmlReport;

/**
 * An option is labelled with the run that decided it, and an option whose claim one seed could not judge is not
 * decided, in the terminal, JSON and HTML reports alike.
 */
class QuestionVerdictTest {
    private static final Question QUESTION = new Question(
            "Which guarantee holds?",
            List.of(
                    new Question.Option("strong", "n3r2w2", List.of("linearizable"), "every history linearizable"),
                    new Question.Option("sessions", "n3r2w2", List.of("readYourWrites"), "own writes seen"),
                    new Question.Option("stale", "n3r1w1", List.of("staleSomewhere"), "some read is stale")));

    private static final Map<String, ClaimResult> CLAIMS = claims();

    private static Map<String, ClaimResult> claims() {
        Map<String, ClaimResult> claims = new LinkedHashMap<>();
        claims.put(
                "linearizable",
                claim("linearizable", Claim.Scope.EVERY_SEED, false, true, OptionalLong.of(5), Optional.of("n3r1w3")));
        claims.put(
                "readYourWrites",
                claim("readYourWrites", Claim.Scope.EVERY_SEED, true, true, OptionalLong.empty(), Optional.empty()));
        claims.put(
                "staleSomewhere",
                claim("staleSomewhere", Claim.Scope.SOME_SEED, false, false, OptionalLong.empty(), Optional.empty()));
        return claims;
    }

    private static ClaimResult claim(
            String name,
            Claim.Scope scope,
            boolean holds,
            boolean applicable,
            OptionalLong counterexample,
            Optional<String> variant) {
        String evidence = holds
                ? "held on 1/1 seeds"
                : applicable
                        ? "violated on 1/1 seeds; first at seed 5: n3r1w3: 1 keysNotLinearizable"
                        : "not applicable: one seed cannot refute a claim about some seed (not shown on seed 5)";
        return new ClaimResult(
                name,
                "says " + name,
                scope,
                Claim.Role.HYPOTHESIS,
                holds,
                1,
                holds ? 1 : 0,
                0.2,
                1.0,
                evidence,
                counterexample,
                OptionalLong.empty(),
                variant.map(v -> "./sdlab run toy --seed 5 --variant " + v + " --trace"),
                applicable,
                variant,
                Optional.empty());
    }

    private final QuestionResult result = QuestionVerdict.decide(QUESTION, CLAIMS);

    @Test
    void aRefutedOptionIsLabelledWithTheVariantAndSeedThatRefutedIt() {
        // Shows: "strong" stands for n3r2w2, but n3r1w3's run of seed 5 refuted it, and that is the label.
        QuestionResult.OptionResult strong = result.options().get(0);
        assertThat(strong.decision()).isEqualTo(Decision.REFUTED);
        assertThat(strong.evidenceVariant()).contains("n3r1w3");
        assertThat(strong.evidenceSeed()).hasValue(5);
        assertThat(strong.labelText()).isEqualTo("[n3r1w3, seed 5]");
        assertThat(result.options().get(1).labelText()).isEqualTo("[n3r2w2]");
    }

    @Test
    void anOptionWhoseClaimCouldNotBeJudgedIsNotDecidedAndDoesNotSayItFailed() {
        // Shows: a some-seed claim not applicable on a one-seed run leaves its option undecided, not refuted.
        QuestionResult.OptionResult stale = result.options().get(2);
        assertThat(stale.decision()).isEqualTo(Decision.UNDECIDED);
        assertThat(stale.supported()).isFalse();
        assertThat(stale.decided()).isFalse();
        assertThat(stale.why())
                .startsWith("claim staleSomewhere could not be judged on this run (not applicable")
                .doesNotContain("did not hold");
    }

    @Test
    void theTerminalJsonAndHtmlReportsShowTheDecidingRunAndTheUndecidedOption() {
        // Shows: all three renderings carry the refuting variant and seed, and none says the undecided option failed.
        ExperimentReport report = new ExperimentReport(
                "toy",
                1,
                "Toy",
                "A toy.",
                "Text.",
                5,
                1,
                List.of(),
                List.of(),
                List.of(),
                List.copyOf(CLAIMS.values()),
                Optional.of(result),
                List.of());

        assertThat(TerminalReport.render(report, false))
                .contains("[FAIL] strong [n3r1w3, seed 5]: not supported; claim linearizable did not hold")
                .contains("[ok] sessions [n3r2w2]: supported")
                .contains("[n/a] stale [n3r1w1]: not decided on this run; claim staleSomewhere could not be judged")
                .doesNotContain("strong [n3r2w2]");
        assertThat(JsonReport.render(report))
                .contains("\"evidenceVariant\" : \"n3r1w3\",\n        \"evidenceSeed\" : 5")
                .contains("\"decided\" : false");
        assertThat(HtmlReport.render(report, Optional.empty()))
                .contains("<strong>strong</strong> <span class=\"muted\">(refuted by variant n3r1w3 on seed 5)</span>")
                .contains(
                        "<strong>stale</strong> <span class=\"muted\">(variant n3r1w1)</span>: not decided on this run");
    }
}
