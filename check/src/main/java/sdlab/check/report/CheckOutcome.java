package sdlab.check.report;

import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.linear.LinearizabilityResult;

/**
 * The result of checking one input: a verdict with the evidence behind it, or the reason the
 * input could not be read.
 *
 * @param name the input's name
 * @param model the model's name
 * @param verdict the verdict; {@link Verdict#UNKNOWN} for bad input
 * @param ops the input's operations (empty for bad input)
 * @param result the linearizability result, or null for bad input
 * @param badInput why the input could not be checked (names the line), or null
 */
public record CheckOutcome(
        String name,
        String model,
        Verdict verdict,
        List<Operation> ops,
        LinearizabilityResult result,
        String badInput) {

    public CheckOutcome {
        ops = List.copyOf(ops);
        assert (result == null) == (badInput != null) : "either a result or a reason, not both";
    }

    /** True if the input could not be read or did not fit the model. */
    public boolean isBadInput() {
        return badInput != null;
    }

    /** This input's exit code: 0 valid, 1 invalid, 2 unknown or bad input. */
    public int exitCode() {
        return verdict.exitCode();
    }
}
