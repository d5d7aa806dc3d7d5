package sdlab.check.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sdlab.check.history.Operation;
import sdlab.check.history.RegisterOps;

/**
 * The version each (key, value) pair stands for, as far as real time can tell.
 *
 * <p>Writes are expected to write unique values per key; when several writes wrote the same
 * value, the version covers all of them (earliest invocation, latest completion), which keeps
 * every "certainly older" judgement conservative. The initial value (null) is a version that
 * completed before the history began; writes of null join it.
 */
final class Versions {
    /** The history position before every entry: when the initial value was "written". */
    static final int BEFORE_HISTORY = -1;

    /**
     * The positions that bound a version's writes.
     *
     * @param earliestInvokeIndex the first invocation of a write of this value
     * @param latestCompleteIndex the last completion of a write of this value ({@link
     *     Operation#NEVER} if one is unknown)
     * @param writerId the id of the write, or -1 for the initial value or when several wrote it
     */
    record Version(int earliestInvokeIndex, int latestCompleteIndex, int writerId) {
        static final Version INITIAL = new Version(BEFORE_HISTORY, BEFORE_HISTORY, -1);

        /** True if every write of this version completed before any write of {@code newer} began. */
        boolean certainlyOlderThan(Version newer) {
            return latestCompleteIndex < newer.earliestInvokeIndex;
        }

        /** True if every write of this version completed before {@code write} was invoked. */
        boolean certainlyOlderThan(Operation write) {
            return latestCompleteIndex < write.invokeIndex();
        }

        Version merge(Version other) {
            return new Version(
                    Math.min(earliestInvokeIndex, other.earliestInvokeIndex),
                    Math.max(latestCompleteIndex, other.latestCompleteIndex),
                    -1);
        }
    }

    private record KeyValue(String key, Object value) {}

    private final Map<KeyValue, Version> versions;

    private Versions(Map<KeyValue, Version> versions) {
        this.versions = versions;
    }

    static Versions of(List<Operation> ops) {
        Map<KeyValue, Version> versions = new HashMap<>();
        for (Operation op : ops) {
            if (RegisterOps.isPossibleWrite(op)) {
                Version written = new Version(op.invokeIndex(), op.completeIndex(), op.id());
                KeyValue kv = new KeyValue(op.key(), op.input());
                Version initial = op.input() == null ? Version.INITIAL : null;
                versions.merge(kv, initial == null ? written : initial.merge(written), Version::merge);
            }
        }
        return new Versions(versions);
    }

    /** The version a read of {@code value} at {@code key} observed, or null if nothing wrote it. */
    Version of(String key, Object value) {
        Version found = versions.get(new KeyValue(key, value));
        return found == null && Objects.isNull(value) ? Version.INITIAL : found;
    }
}
