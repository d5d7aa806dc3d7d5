package sdlab.check.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operation;
import sdlab.check.history.RegisterOps;

/**
 * Monotonic writes and writes-follow-reads, judged by other processes' observations.
 *
 * <p>Before each of its writes, a process has <i>dependencies</i>: its earlier ok writes
 * (monotonic writes) and the versions its earlier reads returned (writes-follow-reads). Once a
 * reader has seen that write, it has inherited those dependencies: a later read of one of
 * their keys must not return a version certainly older than the dependency. Violations seen by
 * the writer itself are read-your-writes or monotonic-reads violations and are counted there.
 */
final class VisibilityCheck {
    /** A read of {@code key} must return a version completing at or after {@code boundIndex}. */
    private record Obligation(int boundIndex, Operation cause, Object causeValue) {}

    /** The obligations a write hands to whoever sees it, per guarantee and then per key. */
    private record Dependencies(Map<String, Obligation> writes, Map<String, Obligation> reads) {}

    private final List<Operation> ops;
    private final Versions versions;
    private final ViolationLog log;
    private final Map<Integer, Dependencies> dependenciesByWriteId = new HashMap<>();

    VisibilityCheck(List<Operation> ops, Versions versions, ViolationLog log) {
        this.ops = ops;
        this.versions = versions;
        this.log = log;
    }

    /** First pass: records each ok write's dependencies from its process's earlier operations. */
    void recordDependencies(List<Operation> processOps) {
        Map<String, Obligation> writes = Map.of();
        Map<String, Obligation> reads = Map.of();
        for (Operation op : processOps) {
            if (RegisterOps.isOkWrite(op)) {
                dependenciesByWriteId.put(op.id(), new Dependencies(writes, reads));
                writes = with(writes, op.key(), new Obligation(op.invokeIndex(), op, op.input()));
            } else if (RegisterOps.isOkRead(op)) {
                Versions.Version v = versions.of(op.key(), op.output());
                if (v != null && v.earliestInvokeIndex() > Versions.BEFORE_HISTORY) {
                    reads = with(reads, op.key(), new Obligation(v.earliestInvokeIndex(), op, op.output()));
                }
            }
        }
    }

    /** Second pass: checks one observer's reads, in its own order, against what it inherited. */
    void checkObserver(List<Operation> processOps) {
        Map<String, Obligation> fromWrites = new HashMap<>();
        Map<String, Obligation> fromReads = new HashMap<>();
        for (Operation read : processOps) {
            if (!RegisterOps.isOkRead(read)) {
                continue;
            }
            Versions.Version v = versions.of(read.key(), read.output());
            if (v == null) {
                continue;
            }
            check(Guarantee.MONOTONIC_WRITES, fromWrites.get(read.key()), read, v);
            check(Guarantee.WRITES_FOLLOW_READS, fromReads.get(read.key()), read, v);
            Dependencies inherited = v.writerId() < 0 ? null : dependenciesByWriteId.get(v.writerId());
            if (inherited != null && ops.get(v.writerId()).process() != read.process()) {
                inherited.writes().forEach((key, o) -> fromWrites.merge(key, o, VisibilityCheck::stronger));
                inherited.reads().forEach((key, o) -> fromReads.merge(key, o, VisibilityCheck::stronger));
            }
        }
    }

    private void check(Guarantee g, Obligation obligation, Operation read, Versions.Version v) {
        if (obligation != null && v.latestCompleteIndex() < obligation.boundIndex()) {
            log.add(new SessionViolation(
                    g,
                    read.process(),
                    RegisterOps.keyName(read.key()),
                    read.id(),
                    read.output(),
                    obligation.cause().id(),
                    obligation.causeValue()));
        }
    }

    private static Obligation stronger(Obligation a, Obligation b) {
        return b.boundIndex() > a.boundIndex() ? b : a;
    }

    /** A copy of {@code map} with the stronger of its entry and {@code o} at {@code key}. */
    private static Map<String, Obligation> with(Map<String, Obligation> map, String key, Obligation o) {
        Map<String, Obligation> copy = new HashMap<>(map);
        copy.merge(key, o, VisibilityCheck::stronger);
        return copy;
    }
}
