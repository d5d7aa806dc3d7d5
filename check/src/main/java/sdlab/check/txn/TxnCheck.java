package sdlab.check.txn;

import java.util.ArrayList;
import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.report.NamedInput;

/**
 * The entry point of {@code sdlab check --model list-append|rw-register}: parses and checks each
 * input, and gives the exit code with the linearizability checks' convention (Maelstrom's): 0
 * every input valid, 1 some input has an anomaly, 2 bad input or no answer; bad input wins.
 */
public final class TxnCheck {
    private TxnCheck() {}

    /** Checks every input, in order. Never throws for bad input. */
    public static List<TxnOutcome> run(TxnModel model, List<NamedInput> inputs) {
        List<TxnOutcome> outcomes = new ArrayList<>(inputs.size());
        for (NamedInput input : inputs) {
            outcomes.add(check(model, input));
        }
        return outcomes;
    }

    private static TxnOutcome check(TxnModel model, NamedInput input) {
        try {
            TxnResult result = TxnChecker.standard().check(TxnHistory.parse(input.text(), model));
            return new TxnOutcome(input.name(), model, result, null, null);
        } catch (MalformedHistoryException e) {
            return new TxnOutcome(input.name(), model, null, e.getMessage(), null);
        } catch (OutOfMemoryError e) {
            // What was allocated is garbage once we return; the history was too large for this heap.
            long heapMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return new TxnOutcome(
                    input.name(),
                    model,
                    null,
                    null,
                    "ran out of memory (the heap holds " + heapMiB + " MiB); give the JVM a larger heap (-Xmx)");
        }
    }

    /** 2 if any input was bad, else the combined verdict's code. */
    public static int exitCode(List<TxnOutcome> outcomes) {
        if (outcomes.stream().anyMatch(TxnOutcome::isBadInput)) {
            return 2;
        }
        Verdict all = Verdict.VALID;
        for (TxnOutcome outcome : outcomes) {
            all = all.and(outcome.verdict());
        }
        return all.exitCode();
    }
}
