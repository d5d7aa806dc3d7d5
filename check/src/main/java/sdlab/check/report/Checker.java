package sdlab.check.report;

import java.util.ArrayList;
import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.HistoryParser;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.PartitionResult;

/**
 * The entry point of {@code sdlab check}: parses and checks each input, and turns the outcomes
 * into an exit code.
 *
 * <p>Exit codes follow Maelstrom's convention: 0 when every input is valid, 1 when some input is
 * invalid, 2 when the answer is unknown or an input is bad. Bad input wins over everything (the
 * user must fix it before any verdict counts), then invalid, then unknown.
 */
public final class Checker {
    private Checker() {}

    /** Checks every input of {@code request}, in order. Never throws for bad input. */
    public static List<CheckOutcome> run(CheckRequest request) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (NamedInput input : request.inputs()) {
            outcomes.add(check(request, input));
        }
        return outcomes;
    }

    private static CheckOutcome check(CheckRequest request, NamedInput input) {
        String model = request.model().name();
        try {
            List<Operation> ops = Operations.of(HistoryParser.parse(input.text()));
            LinearizabilityResult result = Linearizability.check(ops, request.model(), request.limits());
            return new CheckOutcome(input.name(), model, result.verdict(), ops, result, null);
        } catch (MalformedHistoryException e) {
            return new CheckOutcome(input.name(), model, Verdict.UNKNOWN, List.of(), null, e.getMessage());
        } catch (OutOfMemoryError e) {
            // The last resort: the memory limit should stop the search first, but a history can
            // be too large to hold at all. What was allocated is garbage once we return.
            return outOfMemory(input.name(), model);
        }
    }

    /** Unknown, not a verdict: running out of heap says nothing about the history. */
    private static CheckOutcome outOfMemory(String name, String model) {
        long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        String reason = "ran out of memory (the heap holds " + heapMiB
                + " MiB); give the JVM a larger heap (-Xmx), or a lower --memory so that the search stops first";
        PartitionResult nothing = new PartitionResult(null, Verdict.UNKNOWN, 0, List.of(), "", List.of(), 0, 0, reason);
        LinearizabilityResult result = new LinearizabilityResult(Verdict.UNKNOWN, model, List.of(nothing));
        return new CheckOutcome(name, model, Verdict.UNKNOWN, List.of(), result, null);
    }

    /** The exit code for several outcomes: 2 if any input was bad, else 1 if any was invalid, else the worst. */
    public static int exitCode(List<CheckOutcome> outcomes) {
        if (outcomes.stream().anyMatch(CheckOutcome::isBadInput)) {
            return 2;
        }
        Verdict all = Verdict.VALID;
        for (CheckOutcome outcome : outcomes) {
            all = all.and(outcome.verdict());
        }
        return all.exitCode();
    }
}
