package sdlab.core.history;

import java.util.Objects;

/**
 * One entry of a history, in the shape Jepsen tools use:
 * {@code {"process":0,"type":"invoke","f":"read","key":"k","value":null,"time":ns}}.
 *
 * @param process the client process (one operation at a time per process)
 * @param type invoke, ok, fail or info
 * @param f the operation's name
 * @param key the key for key-value histories, null for a single register
 * @param value the argument (on invoke) or the result (on ok): null, Long, String or a List
 * @param timeNanos when it happened, in nanoseconds of the observer's clock
 * @param error why it failed or is unknown, or null
 */
public record Op(int process, OpType type, String f, String key, Object value, long timeNanos, String error) {
    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
    }

    public static Op invoke(int process, String f, String key, Object value, long timeNanos) {
        return new Op(process, OpType.INVOKE, f, key, value, timeNanos, null);
    }

    public static Op ok(int process, String f, String key, Object value, long timeNanos) {
        return new Op(process, OpType.OK, f, key, value, timeNanos, null);
    }

    public static Op fail(int process, String f, String key, Object value, long timeNanos, String error) {
        return new Op(process, OpType.FAIL, f, key, value, timeNanos, error);
    }

    public static Op info(int process, String f, String key, Object value, long timeNanos, String error) {
        return new Op(process, OpType.INFO, f, key, value, timeNanos, error);
    }
}
