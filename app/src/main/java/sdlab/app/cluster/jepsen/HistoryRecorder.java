package sdlab.app.cluster.jepsen;

import java.util.ArrayList;
import java.util.List;
import sdlab.core.history.Op;

/**
 * The history of a real run, in real-time order: an entry is appended at the moment its event
 * happens (an invocation before the request leaves, a completion after the answer came), under
 * one lock, so the order of entries is an order the events could have happened in. Times are
 * nanoseconds since the run began, from the monotonic clock.
 */
final class HistoryRecorder {
    private final long startNanos;
    private final List<Op> ops = new ArrayList<>();

    HistoryRecorder(long startNanos) {
        this.startNanos = startNanos;
    }

    synchronized void invoke(int process, String f, String key, Object value) {
        ops.add(Op.invoke(process, f, key, value, now()));
    }

    synchronized void ok(int process, String f, String key, Object value) {
        ops.add(Op.ok(process, f, key, value, now()));
    }

    synchronized void fail(int process, String f, String key, Object value, String error) {
        ops.add(Op.fail(process, f, key, value, now(), error));
    }

    synchronized void info(int process, String f, String key, Object value, String error) {
        ops.add(Op.info(process, f, key, value, now(), error));
    }

    synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    /** Seconds since the run began, for progress lines. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The run's clock: nanoseconds since it began. The ledger's clients read it too, so their reports share its times. */
    long now() {
        return System.nanoTime() - startNanos;
    }
}
