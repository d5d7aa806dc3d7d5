package sdlab.check.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.RegisterOps;
import sdlab.core.history.History;

/**
 * Checks the four session guarantees on a register or key-value history, per process.
 *
 * <p>Reads are ok {@code read}/{@code get} operations, writes are {@code write}/{@code put}
 * operations writing unique values per key. Without a version order from the system, "older"
 * means <i>certainly older in real time</i>: version x is certainly older than version y if
 * every write of x completed before any write of y began (the initial value, null, is older
 * than every write). Each check flags only reads that no ordering of concurrent writes could
 * excuse; writes with unknown outcome complete at the end of time, so they never make a read
 * too old. See {@link Guarantee} for what each guarantee demands. A pure function of the
 * history.
 */
public final class SessionGuarantees {
    /** How many examples a report keeps per guarantee. */
    public static final int EXAMPLES_MAX = 5;

    private SessionGuarantees() {}

    /** Checks {@code history}. */
    public static SessionReport check(History history) {
        return check(Operations.of(history));
    }

    /** Checks already paired operations (as {@link Operations#of} returns them). */
    public static SessionReport check(List<Operation> ops) {
        Versions versions = Versions.of(ops);
        ViolationLog log = new ViolationLog();
        Map<Integer, List<Operation>> byProcess = byProcess(ops);
        OwnSessionCheck own = new OwnSessionCheck(versions, log);
        VisibilityCheck visibility = new VisibilityCheck(ops, versions, log);
        byProcess.values().forEach(own::checkProcess);
        byProcess.values().forEach(visibility::recordDependencies);
        byProcess.values().forEach(visibility::checkObserver);
        int reads = (int) ops.stream().filter(RegisterOps::isOkRead).count();
        return log.report(reads);
    }

    private static Map<Integer, List<Operation>> byProcess(List<Operation> ops) {
        Map<Integer, List<Operation>> byProcess = new TreeMap<>();
        for (Operation op : ops) {
            byProcess.computeIfAbsent(op.process(), p -> new ArrayList<>()).add(op);
        }
        return byProcess;
    }
}
