package sdlab.chapters.traffic.responses;

import java.util.Arrays;
import sdlab.lab.SeedRun;

/**
 * What one run of chapter 17 counts: requests and retries as the server sees them (also per
 * 100 ms window, for the peak rates), the 429s and what their header fields say, and the
 * clients' tasks. One per run; a run is single-threaded.
 */
final class ResponsesTally {
    static final String REQUESTS = "requests";
    static final String RETRIES = "retries";
    static final String REJECTED = "rejected";
    static final String REJECTED_RETRIES = "rejectedRetries";
    static final String TASKS_DONE = "tasksDone";
    static final String TASKS_ABANDONED = "tasksAbandoned";
    static final String THROTTLED = "throttledResponses";
    static final String UNDERSTATED = "retryAfterUnderstated";
    static final String TASK_LATENCY = "taskLatency";

    /** Width of the windows in which peak request rates are counted. */
    static final long WINDOW_NANOS = 10_000_000L;

    private final SeedRun.Builder run;
    private int[] requestsPerWindow = new int[64];
    private int[] retriesPerWindow = new int[64];
    private long lastTaskDoneNanos;

    ResponsesTally(SeedRun.Builder run) {
        this.run = run;
    }

    static String timedBy(String header) {
        return "timedBy" + header.replace("-", "");
    }

    /** A request reached the server at {@code nowNanos}; {@code retry} if it is not a first attempt. */
    void arrived(long nowNanos, boolean retry) {
        int window = (int) (nowNanos / WINDOW_NANOS);
        if (window >= requestsPerWindow.length) {
            int size = Math.max(window + 1, requestsPerWindow.length * 2);
            requestsPerWindow = Arrays.copyOf(requestsPerWindow, size);
            retriesPerWindow = Arrays.copyOf(retriesPerWindow, size);
        }
        requestsPerWindow[window]++;
        run.counter(REQUESTS, 1);
        if (retry) {
            retriesPerWindow[window]++;
            run.counter(RETRIES, 1);
        }
    }

    /**
     * The server answered 429. {@code timedBy} lists, per candidate header, whether the response
     * gives a retry time in it; {@code understated} whether its Retry-After asks for less than
     * the limiter's exact wait.
     */
    void throttled(boolean retry, boolean[] timedBy, boolean understated) {
        run.counter(REJECTED, 1);
        run.counter(THROTTLED, 1);
        if (retry) {
            run.counter(REJECTED_RETRIES, 1);
        }
        for (int i = 0; i < timedBy.length; i++) {
            run.counter(timedBy(Headers.CANDIDATES.get(i)), timedBy[i] ? 1 : 0);
        }
        if (understated) {
            run.counter(UNDERSTATED, 1);
        }
    }

    void taskDone(long latencyNanos, long nowNanos) {
        run.counter(TASKS_DONE, 1);
        run.latencyNanos(TASK_LATENCY, latencyNanos);
        lastTaskDoneNanos = Math.max(lastTaskDoneNanos, nowNanos);
    }

    void taskAbandoned() {
        run.counter(TASKS_ABANDONED, 1);
    }

    /** The highest request rate of any window, in requests per second. */
    double peakRequestsPerSecond() {
        return peakPerSecond(requestsPerWindow);
    }

    /** The highest retry rate of any window, in retries per second. */
    double peakRetriesPerSecond() {
        return peakPerSecond(retriesPerWindow);
    }

    long lastTaskDoneNanos() {
        return lastTaskDoneNanos;
    }

    private static double peakPerSecond(int[] windows) {
        int peak = Arrays.stream(windows).max().orElse(0);
        return peak * (1e9 / WINDOW_NANOS);
    }
}
