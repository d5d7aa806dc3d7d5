package sdlab.lab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sdlab.lab.Question;
import sdlab.lab.report.ClaimResult;
import sdlab.lab.report.QuestionResult;

/** Decides each option of a question from the verdicts of the claims it names. */
final class QuestionVerdict {
    private QuestionVerdict() {}

    static QuestionResult decide(Question question, Map<String, ClaimResult> claimsByName) {
        List<QuestionResult.OptionResult> options = new ArrayList<>();
        for (Question.Option option : question.options()) {
            List<ClaimResult> deciding =
                    option.claims().stream().map(claimsByName::get).toList();
            boolean supported = !deciding.isEmpty() && deciding.stream().allMatch(ClaimResult::holds);
            options.add(new QuestionResult.OptionResult(
                    option.label(), option.variant(), option.claims(), option.explanation(), supported, why(deciding)));
        }
        return new QuestionResult(question.text(), options);
    }

    /** "failed: a (violated on 3/200 seeds; ...)" or "held: a, b". */
    private static String why(List<ClaimResult> deciding) {
        if (deciding.isEmpty()) {
            return "no claim decides this option";
        }
        Optional<ClaimResult> failed = deciding.stream().filter(c -> !c.holds()).findFirst();
        if (failed.isPresent()) {
            return "claim " + failed.get().name() + " did not hold: "
                    + failed.get().evidence();
        }
        List<String> names = deciding.stream().map(ClaimResult::name).toList();
        return (names.size() == 1 ? "claim " : "claims ") + String.join(", ", names) + " held";
    }
}
