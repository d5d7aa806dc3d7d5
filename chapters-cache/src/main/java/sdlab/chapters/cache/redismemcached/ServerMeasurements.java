package sdlab.chapters.cache.redismemcached;

import java.util.Arrays;
import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * Runs chapter 11's three measurements of one variant on one seed, the crash scenario, the
 * eviction trial and the load scenario, and turns them into the seed's counters, values,
 * latencies and findings.
 */
final class ServerMeasurements {
    // The crash scenario.
    static final String WRITES_ACKNOWLEDGED = "writesAcknowledged";
    static final String WRITES_KEPT = "writesKept";
    static final String WRITES_LOST = "writesLost";
    static final String WRITES_UNKNOWN = "writesUnknown";
    static final String LOSS_WINDOW_MS = "lossWindowMs";
    static final String LOSS_WINDOW = "lossWindow";
    static final String WRITE_LATENCY = "writeLatency";
    static final String TORN_BYTES_CUT = "tornBytesCut";
    // The eviction trial.
    static final String EVICTION_GETS = "evictionGets";
    static final String EVICTION_HITS = "evictionHits";
    // The load scenario.
    static final String LOAD_REQUESTS = "loadRequests";
    static final String WIRE_BYTES = "wireBytes";
    static final String PARSE_NANOS = "parseNanos";
    static final String THROUGHPUT = "throughputOpsPerSec";
    static final String LOAD_LATENCY = "loadLatency";

    private static final double NANOS_PER_MILLI = 1e6;

    private ServerMeasurements() {}

    static SeedRun measure(ServerSpec spec, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        CrashScenario.Outcome crash = CrashScenario.run(spec, values, seed, options);
        countCrash(crash, values.get(ServerParams.VALUE_BYTES), run);
        countEviction(EvictionTrial.run(spec.store(), values, seed), run);
        LoadScenario.Outcome load = LoadScenario.run(spec, values, seed, false);
        countLoad(load, values.get(ServerParams.PARSE_NS_PER_BYTE), run);
        // The report shows the crash scenario; the hash covers both simulations.
        run.traceHash(crash.result().traceHash() * 31 + load.result().traceHash());
        if (options.recordTrace()) {
            run.trace(crash.result().trace());
        }
        if (options.keepHistory()) {
            run.history(crash.result().history());
        }
        return run.build();
    }

    /** Which writes acknowledged before the crash the restarted node still holds. */
    private static void countCrash(CrashScenario.Outcome crash, int valueBytes, SeedRun.Builder run) {
        long crashAt = crash.crashAtNanos();
        long acknowledged = 0;
        long lost = 0;
        long earliestLostAck = Long.MAX_VALUE;
        for (Operation op : Operations.of(crash.result().history())) {
            if (op.status() == Status.UNKNOWN) {
                run.counter(WRITES_UNKNOWN, 1);
            }
            if (op.status() != Status.OK) {
                continue;
            }
            run.latencyNanos(WRITE_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            if (op.invokeTimeNanos() >= crashAt) {
                continue; // written after the restart: no crash ever threatened it
            }
            acknowledged++;
            boolean kept = crash.restarted()
                    .peek(op.key())
                    .filter(v -> Arrays.equals(v, DataSet.valueOf(op.key(), valueBytes)))
                    .isPresent();
            if (!kept) {
                lost++;
                earliestLostAck = Math.min(earliestLostAck, op.completeTimeNanos());
                run.flagOperation(op.id(), "acknowledged before the crash, missing after the restart");
            }
        }
        run.counter(WRITES_ACKNOWLEDGED, acknowledged);
        run.counter(WRITES_KEPT, acknowledged - lost);
        run.counter(WRITES_LOST, lost);
        run.counter(TORN_BYTES_CUT, crash.restarted().recovery().tornBytesCut());
        long windowNanos = lost == 0 ? 0 : Math.max(0, crashAt - earliestLostAck);
        run.value(LOSS_WINDOW_MS, windowNanos / NANOS_PER_MILLI);
        if (lost > 0) {
            run.latencyNanos(LOSS_WINDOW, windowNanos);
        }
        run.finding("crash at %s: %d writes acknowledged before it, %d lost%s; after the restart the node %s"
                .formatted(
                        millis(crashAt),
                        acknowledged,
                        lost,
                        lost == 0 ? "" : " (the oldest acknowledged " + millis(windowNanos) + " before the crash)",
                        crash.restarted().recovery().describe()));
    }

    private static void countEviction(EvictionTrial.Result trial, SeedRun.Builder run) {
        run.counter(EVICTION_GETS, trial.gets());
        run.counter(EVICTION_HITS, trial.hits());
    }

    private static void countLoad(LoadScenario.Outcome load, double parseNanosPerByte, SeedRun.Builder run) {
        List<Operation> ops = Operations.of(load.result().history());
        long firstInvoke = Long.MAX_VALUE;
        long lastComplete = 0;
        long completed = 0;
        for (Operation op : ops) {
            firstInvoke = Math.min(firstInvoke, op.invokeTimeNanos());
            if (op.status() == Status.OK) {
                completed++;
                lastComplete = Math.max(lastComplete, op.completeTimeNanos());
                run.latencyNanos(LOAD_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            }
        }
        long requests = 0;
        long wireBytes = 0;
        long scannedBytes = 0;
        for (WireTally tally : load.tallies()) {
            requests += tally.requests();
            wireBytes += tally.wireBytes();
            scannedBytes += tally.scannedBytes();
        }
        run.counter(LOAD_REQUESTS, requests);
        run.counter(WIRE_BYTES, wireBytes);
        run.counter(PARSE_NANOS, Math.round(scannedBytes * parseNanosPerByte));
        double seconds = (lastComplete - firstInvoke) / 1e9;
        run.value(THROUGHPUT, completed > 0 && seconds > 0 ? completed / seconds : 0);
    }

    private static String millis(long nanos) {
        return "%.1f ms".formatted(nanos / NANOS_PER_MILLI);
    }
}
