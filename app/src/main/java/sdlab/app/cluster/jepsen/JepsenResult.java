package sdlab.app.cluster.jepsen;

import java.nio.file.Path;
import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.report.CheckOutcome;
import sdlab.check.session.SessionReport;
import sdlab.check.session.StaleReadReport;

/**
 * What a run found.
 *
 * @param model the name of what the history was judged against: a model of {@code sdlab check --model}, or causal
 * @param judgement the verdict on the history against the mechanism's claim, with its evidence
 * @param nemesisEvents what the nemesis did, in order
 */
public record JepsenResult(
        String description,
        Path historyFile,
        String model,
        int operations,
        int ok,
        int failed,
        int unknown,
        Judgement judgement,
        StaleReadReport staleReads,
        SessionReport sessions,
        List<String> nemesisEvents) {

    /**
     * The verdict of {@code sdlab check} on the history file, for a mechanism that claims linearizability.
     *
     * @throws IllegalStateException for a run judged against another claim (causal consistency)
     */
    public CheckOutcome linearizability() {
        if (judgement instanceof Judgement.Linearizability linearizability) {
            return linearizability.outcome();
        }
        throw new IllegalStateException("this run was judged for " + model + " consistency, not linearizability");
    }

    public Verdict verdict() {
        return judgement.verdict();
    }

    /** The exit code, as {@code sdlab check} gives it: 0 the claim holds, 1 it does not, 2 unknown. */
    public int exitCode() {
        return judgement.verdict().exitCode();
    }
}
