package sdlab.check.testing;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.history.History;
import sdlab.core.history.Op;

/** Builds small hand-made histories for tests; entry i happens at time i microseconds. */
public final class HistoryBuilder {
    private final List<Op> ops = new ArrayList<>();
    private String key;

    public static HistoryBuilder history() {
        return new HistoryBuilder();
    }

    /** Following entries use {@code key} (null for a single register). */
    public HistoryBuilder key(String newKey) {
        key = newKey;
        return this;
    }

    public HistoryBuilder invoke(int process, String f, Object value) {
        ops.add(Op.invoke(process, f, key, value, now()));
        return this;
    }

    public HistoryBuilder ok(int process, String f, Object value) {
        ops.add(Op.ok(process, f, key, value, now()));
        return this;
    }

    public HistoryBuilder fail(int process, String f, Object value) {
        ops.add(Op.fail(process, f, key, value, now(), "failed"));
        return this;
    }

    public HistoryBuilder info(int process, String f, Object value) {
        ops.add(Op.info(process, f, key, value, now(), "timed out"));
        return this;
    }

    /** A write that completes at once. */
    public HistoryBuilder write(int process, Object value) {
        return invoke(process, "write", value).ok(process, "write", value);
    }

    /** A read that completes at once with {@code value}. */
    public HistoryBuilder read(int process, Object value) {
        return invoke(process, "read", null).ok(process, "read", value);
    }

    public History build() {
        return History.of(ops);
    }

    private long now() {
        return ops.size() * 1_000L;
    }
}
