package sdlab.chapters.cache;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * A server's workers and the bounded line in front of them: the queueing model of a node whose
 * requests each hold one worker for a service time. An event loop such as Redis's is one worker;
 * a thread pool such as memcached's is several; a database's connection pool is its size.
 *
 * <p>The queue keeps no clock. A node asks {@link #offer} on arrival, sets a timer for the
 * service time of every request that {@link Admission#STARTED}, and calls {@link #finish} when
 * that timer fires, which hands it the next waiting request (now holding the freed worker).
 * Requests start in arrival order.
 *
 * @param <T> what waits: the node's record of a request
 */
public final class ServiceQueue<T> {
    /** What became of an offered request. */
    public enum Admission {
        /** A worker was free: the request holds it from now on. */
        STARTED,
        /** Every worker is busy: the request waits its turn. */
        QUEUED,
        /** The line is full: the request was not accepted. */
        REJECTED
    }

    private final int workers;
    private final int waitingMax;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    private int busy;

    /**
     * @param workers how many requests are served at once, at least 1
     * @param waitingMax how many may wait for a worker before arrivals are rejected
     */
    public ServiceQueue(int workers, int waitingMax) {
        if (workers < 1 || waitingMax < 0) {
            throw new IllegalArgumentException("a service queue needs at least one worker and a non-negative line, got "
                    + workers + " and " + waitingMax);
        }
        this.workers = workers;
        this.waitingMax = waitingMax;
    }

    /** Starts {@code request} on a free worker, or lines it up, or rejects it when the line is full. */
    public Admission offer(T request) {
        if (busy < workers) {
            busy++;
            return Admission.STARTED;
        }
        if (waiting.size() < waitingMax) {
            waiting.addLast(request);
            return Admission.QUEUED;
        }
        return Admission.REJECTED;
    }

    /** A worker finished: the oldest waiting request takes it over and is returned, if there is one. */
    public Optional<T> finish() {
        assert busy > 0 : "finish without a request in service";
        T next = waiting.pollFirst();
        if (next == null) {
            busy--;
        }
        return Optional.ofNullable(next);
    }

    /** Requests in service now. */
    public int busy() {
        return busy;
    }

    /** Requests waiting for a worker now. */
    public int waiting() {
        return waiting.size();
    }

    public int workers() {
        return workers;
    }
}
