package sdlab.check.report;

import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.PartitionResult;

/** The terminal form of a check: one line per input, or a short explanation of one. */
public final class TextReport {
    private TextReport() {}

    /** One line: {@code name: VERDICT (model) - reason}. */
    public static String line(CheckOutcome outcome) {
        String head = outcome.name() + ": "
                + (outcome.isBadInput() ? "BAD INPUT" : outcome.verdict().name()) + " (" + outcome.model() + ")";
        if (outcome.isBadInput()) {
            return head + " - " + outcome.badInput();
        }
        LinearizabilityResult result = outcome.result();
        return head + " - "
                + switch (result.verdict()) {
                    case VALID ->
                        outcome.ops().size() + " operations, "
                                + result.partitions().size() + " partition(s), linearizable";
                    case INVALID -> firstInvalid(outcome);
                    case UNKNOWN ->
                        "gave up: " + result.partitions(Verdict.UNKNOWN).get(0).unknownReason();
                };
    }

    private static String firstInvalid(CheckOutcome outcome) {
        PartitionResult p = outcome.result().partitions(Verdict.INVALID).get(0);
        String stuck = p.unplaced().isEmpty()
                ? ""
                : "; " + OpText.call(outcome.ops().get(p.unplaced().get(0))) + " (op "
                        + p.unplaced().get(0) + ") cannot be placed";
        return OpText.key(p.key()) + ": only " + p.linearization().size() + " of " + p.operations()
                + " operations linearize" + stuck;
    }

    /** A few sentences that explain the verdict, with the evidence for a violation. */
    public static String explain(CheckOutcome outcome) {
        if (outcome.isBadInput()) {
            return outcome.name() + " could not be checked: " + outcome.badInput() + "\n";
        }
        LinearizabilityResult result = outcome.result();
        StringBuilder text = new StringBuilder();
        text.append(outcome.name())
                .append(": ")
                .append(summary(result, outcome.ops().size()))
                .append('\n');
        for (PartitionResult p : result.partitions(Verdict.INVALID)) {
            explainInvalid(text, p, outcome.ops());
        }
        for (PartitionResult p : result.partitions(Verdict.UNKNOWN)) {
            text.append("  ")
                    .append(OpText.key(p.key()))
                    .append(": gave up after ")
                    .append(p.steps())
                    .append(" steps (")
                    .append(p.unknownReason())
                    .append("); no verdict, not a guess.\n");
        }
        return text.toString();
    }

    private static String summary(LinearizabilityResult result, int ops) {
        String scope = ops + " operations in " + result.partitions().size() + " partition(s), model " + result.model();
        return switch (result.verdict()) {
            case VALID -> "linearizable: " + scope + "; every partition has a witness order.";
            case INVALID ->
                "NOT linearizable: " + scope + "; "
                        + result.partitions(Verdict.INVALID).size() + " partition(s) violate it.";
            case UNKNOWN -> "unknown: " + scope + "; the search hit its limit before deciding.";
        };
    }

    private static void explainInvalid(StringBuilder text, PartitionResult p, List<Operation> ops) {
        text.append("  ")
                .append(OpText.key(p.key()))
                .append(" (")
                .append(p.operations())
                .append(" operations): ")
                .append("the longest linearizable prefix has ")
                .append(p.linearization().size())
                .append(" operations and leaves the state ")
                .append(p.stateAfter())
                .append(".\n");
        if (p.unplaced().isEmpty()) {
            return;
        }
        text.append("  After it, none of these can take effect next:\n");
        for (int id : p.unplaced()) {
            text.append("    ").append(OpText.full(ops.get(id))).append('\n');
        }
        Operation blocking = ops.get(p.unplaced().get(0));
        text.append("  ")
                .append("op ")
                .append(blocking.id())
                .append(" must take effect before it completes at entry ")
                .append(blocking.completeIndex() + 1)
                .append(", and no order of the operations above allows it.\n");
    }
}
