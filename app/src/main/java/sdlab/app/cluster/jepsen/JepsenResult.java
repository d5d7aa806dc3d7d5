package sdlab.app.cluster.jepsen;

import java.nio.file.Path;
import java.util.List;
import sdlab.check.report.CheckOutcome;
import sdlab.check.session.SessionReport;
import sdlab.check.session.StaleReadReport;

/**
 * What a run found.
 *
 * @param linearizability the verdict of {@code sdlab check} on the history file, by the same code
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
        CheckOutcome linearizability,
        StaleReadReport staleReads,
        SessionReport sessions,
        List<String> nemesisEvents) {

    /** The exit code, as {@code sdlab check} gives it: 0 linearizable, 1 not, 2 unknown. */
    public int exitCode() {
        return linearizability.exitCode();
    }
}
