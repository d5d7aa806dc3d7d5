package sdlab.chapters.traffic.lbfeatures;

import java.util.Arrays;
import sdlab.lab.SeedRun;

/** What one run of chapter 9 counts: connections, requests lost, sessions found, load per backend, the deploy. */
final class LbTally {
    static final String CONNECTIONS = "connectionsOpened";
    static final String REQUESTS = "requests";
    static final String LOST = "requestsLost";
    static final String SESSION_REQUESTS = "sessionRequests";
    static final String SESSION_MISSES = "sessionMisses";
    static final String ROUTABLE = "sessionRequestsHomeServing";
    static final String MISROUTED = "misrouted";
    static final String PAGE_LATENCY = "pageLoad";

    private final SeedRun.Builder run;
    private final long[] servedByBackend;
    private long deployStartNanos = -1;
    private long deployEndNanos = -1;

    LbTally(SeedRun.Builder run, int backends) {
        this.run = run;
        this.servedByBackend = new long[backends];
    }

    void connectionOpened() {
        run.counter(CONNECTIONS, 1);
    }

    /** A browser got its answer; {@code hadSession} when it sent a session cookie, {@code found} if it was honoured. */
    void answered(boolean ok, boolean hadSession, boolean found) {
        run.counter(REQUESTS, 1);
        if (!ok) {
            run.counter(LOST, 1);
            return;
        }
        if (hadSession) {
            run.counter(SESSION_REQUESTS, 1);
            run.counter(SESSION_MISSES, found ? 0 : 1);
        }
    }

    /** The balancer routed a request whose session's backend was serving; {@code misrouted} if elsewhere. */
    void routed(boolean misrouted) {
        run.counter(ROUTABLE, 1);
        run.counter(MISROUTED, misrouted ? 1 : 0);
    }

    void pageLoaded(long latencyNanos) {
        run.latencyNanos(PAGE_LATENCY, latencyNanos);
    }

    /** Backend number {@code backend} (1-based) finished a request. */
    void served(int backend) {
        servedByBackend[backend - 1]++;
    }

    void deployStarted(long nowNanos) {
        deployStartNanos = nowNanos;
    }

    void deployFinished(long nowNanos) {
        deployEndNanos = nowNanos;
    }

    /** The busiest backend's requests over the mean of all backends: 1 is perfectly even. */
    double loadSkew() {
        double mean = Arrays.stream(servedByBackend).average().orElse(0);
        long max = Arrays.stream(servedByBackend).max().orElse(0);
        return mean == 0 ? 1 : max / mean;
    }

    /** How long the rolling deploy took, in milliseconds; NaN if it did not finish. */
    double deployMillis() {
        return deployEndNanos < 0 ? Double.NaN : (deployEndNanos - deployStartNanos) / 1e6;
    }
}
