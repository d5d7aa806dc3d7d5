package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import sdlab.lab.Question;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.QuestionResult;
import sdlab.lab.report.QuestionResult.Decision;

/**
 * Decides each option of a question from the verdicts of the claims it names. A claim that broke refutes the option,
 * and the option then names the variant and seed of the run that broke it, which need not be the option's own
 * variant: the quorum chapter's options stand for n3r2w2, while their claims range over every strict variant. A claim
 * the seeds could not judge (not applicable) leaves the option undecided rather than refuted.
 */
final class QuestionVerdict {
    private QuestionVerdict() {}

    static QuestionResult decide(Question question, Map<String, ClaimResult> claimsByName) {
        List<QuestionResult.OptionResult> options = new ArrayList<>();
        for (Question.Option option : question.options()) {
            List<ClaimResult> deciding =
                    option.claims().stream().map(claimsByName::get).toList();
            options.add(decide(option, deciding));
        }
        return new QuestionResult(question.text(), options);
    }

    private static QuestionResult.OptionResult decide(Question.Option option, List<ClaimResult> deciding) {
        Optional<ClaimResult> broken =
                deciding.stream().filter(ClaimResult::broke).findFirst();
        Optional<ClaimResult> unjudged =
                deciding.stream().filter(c -> !c.applicable()).findFirst();
        Decision decision = broken.isPresent()
                ? Decision.REFUTED
                : unjudged.isPresent() || deciding.isEmpty() ? Decision.UNDECIDED : Decision.SUPPORTED;
        String why = broken.map(c -> "claim " + c.name() + " did not hold: " + c.evidence())
                .or(() -> unjudged.map(
                        c -> "claim " + c.name() + " could not be judged on this run (" + c.evidence() + ")"))
                .orElseGet(() -> held(deciding));
        List<String> illustrations = deciding.stream()
                .filter(c -> !c.isEvidence())
                .map(ClaimResult::name)
                .toList();
        if (!illustrations.isEmpty()) {
            // The option's verdict leans on figures the cost model implies: say so where the verdict is read.
            why += "; " + String.join(", ", illustrations)
                    + (illustrations.size() == 1 ? " is an illustration" : " are illustrations")
                    + " of cost inputs or of a construction, not evidence";
        }
        return new QuestionResult.OptionResult(
                option.label(),
                option.variant(),
                option.claims(),
                option.explanation(),
                decision,
                why,
                broken.flatMap(ClaimResult::evidenceVariant),
                broken.map(ClaimResult::counterexampleSeed).orElse(OptionalLong.empty()));
    }

    /** "claims a, b held", or why nothing decides the option. */
    private static String held(List<ClaimResult> deciding) {
        if (deciding.isEmpty()) {
            return "no claim decides this option";
        }
        List<String> names = deciding.stream().map(ClaimResult::name).toList();
        return (names.size() == 1 ? "claim " : "claims ") + String.join(", ", names) + " held";
    }
}
