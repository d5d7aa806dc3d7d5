package sdlab.bench.coord;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * One client session kept busy with a fixed number of requests in flight: each answer records its
 * latency and issues the next request, until the phase's end. Its state is touched by the driver
 * (start, results) and by the session's event thread (answers), so every method is synchronized;
 * the lock is uncontended except at the start and the end.
 */
final class SessionPipeline {
    /** Latencies up to an hour in nanoseconds, three significant digits. */
    private static final long LATENCY_NANOS_MAX = TimeUnit.HOURS.toNanos(1);

    private final ZooKeeper session;
    private final int index;
    private final CoordOp op;
    private final PhasePaths paths;
    private final byte[] value;
    private final long measureFromNanos;
    private final long endNanos;
    private final Histogram latencyNanos = new Histogram(LATENCY_NANOS_MAX, 3);
    private final Map<String, Long> errorsByCode = new HashMap<>();
    private final CountDownLatch drained = new CountDownLatch(1);
    private long issued;
    private int inFlight;
    private long succeededInWindow;

    SessionPipeline(
            ZooKeeper session,
            int index,
            CoordOp op,
            PhasePaths paths,
            byte[] value,
            long measureFromNanos,
            long endNanos) {
        this.session = session;
        this.index = index;
        this.op = op;
        this.paths = paths;
        this.value = value;
        this.measureFromNanos = measureFromNanos;
        this.endNanos = endNanos;
    }

    /** Puts {@code outstanding} requests in flight. */
    synchronized void start(int outstanding) {
        for (int i = 0; i < outstanding; i++) {
            issueNext();
        }
    }

    private void issueNext() {
        long began = System.nanoTime();
        long n = issued++;
        inFlight++;
        op.issue(session, paths, index, n, value, rc -> answered(rc, began));
    }

    private synchronized void answered(int rc, long beganNanos) {
        long now = System.nanoTime();
        inFlight--;
        if (rc != KeeperException.Code.OK.intValue()) {
            errorsByCode.merge(codeName(rc), 1L, Long::sum);
        } else if (now >= measureFromNanos && now <= endNanos) {
            latencyNanos.recordValue(Math.min(now - beganNanos, LATENCY_NANOS_MAX));
            succeededInWindow++;
        }
        if (now < endNanos) {
            issueNext();
        } else if (inFlight == 0) {
            drained.countDown();
        }
    }

    private static String codeName(int rc) {
        KeeperException.Code code = KeeperException.Code.get(rc);
        return code == null ? "CODE_" + rc : code.name();
    }

    /**
     * Waits until every request in flight at the end has been answered; those still unanswered after
     * {@code timeoutMillis} count as {@code NO_REPLY} errors.
     */
    void awaitDrained(long timeoutMillis) throws InterruptedException {
        if (!drained.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            synchronized (this) {
                errorsByCode.merge("NO_REPLY", (long) inFlight, Long::sum);
            }
        }
    }

    /** Adds this session's latencies to {@code into}. */
    synchronized void addLatencies(Histogram into) {
        into.add(latencyNanos);
    }

    /** Adds this session's errors to {@code into}. */
    synchronized void addErrors(Map<String, Long> into) {
        errorsByCode.forEach((code, count) -> into.merge(code, count, Long::sum));
    }

    synchronized long succeededInWindow() {
        return succeededInWindow;
    }
}
