package sdlab.check.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.RegisterOps;

/** Read-your-writes and monotonic reads: what one process's own earlier operations oblige it to see. */
final class OwnSessionCheck {
    private record Seen(Versions.Version version, Operation read) {}

    private final Versions versions;
    private final ViolationLog log;

    OwnSessionCheck(Versions versions, ViolationLog log) {
        this.versions = versions;
        this.log = log;
    }

    /** Checks one process's operations, given in its own (invocation) order. */
    void checkProcess(List<Operation> processOps) {
        Map<String, Operation> lastOwnWrite = new HashMap<>();
        Map<String, Seen> newestSeen = new HashMap<>();
        for (Operation op : processOps) {
            if (RegisterOps.isOkWrite(op)) {
                lastOwnWrite.put(op.key(), op);
            }
            if (!RegisterOps.isOkRead(op)) {
                continue;
            }
            Versions.Version version = versions.of(op.key(), op.output());
            if (version == null) {
                continue; // an unexplained read proves nothing about order
            }
            // The latest own write is the strongest obligation: it began after every earlier one.
            Operation own = lastOwnWrite.get(op.key());
            if (own != null && version.certainlyOlderThan(own)) {
                log.add(violation(Guarantee.READ_YOUR_WRITES, op, own.id(), own.input()));
            }
            Seen seen = newestSeen.get(op.key());
            if (seen != null && version.certainlyOlderThan(seen.version())) {
                log.add(violation(
                        Guarantee.MONOTONIC_READS,
                        op,
                        seen.read().id(),
                        seen.read().output()));
            }
            if (seen == null || version.earliestInvokeIndex() > seen.version().earliestInvokeIndex()) {
                newestSeen.put(op.key(), new Seen(version, op));
            }
        }
    }

    private static SessionViolation violation(Guarantee g, Operation read, int causeId, Object causeValue) {
        return new SessionViolation(
                g, read.process(), RegisterOps.keyName(read.key()), read.id(), read.output(), causeId, causeValue);
    }
}
