package sdlab.chapters.cache.warmup;

import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Turns one run of chapter 13 into the seed's counters, values, latencies and findings. */
final class WarmupMeasurements {
    static final String READS = "reads";
    static final String READS_FROM_CACHE = "readsFromCache";
    static final String COLD_MISSES = "coldMisses";
    static final String READS_FAILED = "readsFailed";
    static final String WRITES = "writes";
    static final String READ_LATENCY = "readLatency";
    static final String DB_QUERIES = "dbQueries";
    static final String DB_ROWS = "dbRows";
    static final String DB_QUEUE_MAX = "dbQueueMax";
    static final String DB_REJECTED = "dbRejected";
    static final String CACHED_RECORDS = "cachedRecords";
    static final String CACHED_BYTES = "cachedBytes";
    static final String WARMUP_MS = "warmupMs";
    static final String WARMUP_UNFINISHED = "warmupUnfinished";

    private WarmupMeasurements() {}

    static SeedRun measure(WarmupScenario.Outcome outcome, WarmupPolicy policy, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        countRequests(outcome, run);
        DatabaseNode.Load load = outcome.databaseLoad();
        run.counter(DB_QUERIES, load.queries());
        run.counter(DB_ROWS, load.rowsRead());
        run.value(DB_QUEUE_MAX, load.waitingMax());
        run.counter(DB_REJECTED, load.rejected());
        run.value(CACHED_RECORDS, outcome.service().cachedRecords());
        run.value(CACHED_BYTES, outcome.service().cachedBytes());
        countWarmup(outcome, policy, run);
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static void countRequests(WarmupScenario.Outcome outcome, SeedRun.Builder run) {
        long coldMisses = 0;
        long reads = 0;
        for (Operation op : Operations.of(outcome.result().history())) {
            if (WarmupClient.WRITE.equals(op.f())) {
                run.counter(WRITES, 1);
                continue;
            }
            reads++;
            if (op.status() != Status.OK) {
                run.counter(READS_FAILED, 1);
                continue;
            }
            run.latencyNanos(READ_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            if (WarmupClient.FROM_CACHE.equals(op.output())) {
                run.counter(READS_FROM_CACHE, 1);
            } else if (WarmupClient.FROM_DATABASE_COLD.equals(op.output())) {
                coldMisses++;
                if (coldMisses == 1) {
                    run.finding("first cold miss: a read of %s at %.1f ms after the deploy waited %.1f ms"
                            .formatted(
                                    op.key(),
                                    op.invokeTimeNanos() / 1e6,
                                    (op.completeTimeNanos() - op.invokeTimeNanos()) / 1e6));
                }
                run.flagOperation(op.id(), "cold miss: not in the cache since the deploy; read from the database");
            }
        }
        run.counter(READS, reads);
        run.counter(COLD_MISSES, coldMisses);
    }

    private static void countWarmup(WarmupScenario.Outcome outcome, WarmupPolicy policy, SeedRun.Builder run) {
        if (!policy.prepopulate()) {
            run.value(WARMUP_MS, 0);
            return;
        }
        ServiceNode.Warmup warmup = outcome.service().warmup();
        if (warmup.doneAtNanos() < 0 || warmup.doneAtNanos() > outcome.trafficStartNanos()) {
            run.counter(WARMUP_UNFINISHED, 1);
        }
        run.value(WARMUP_MS, warmup.doneAtNanos() < 0 ? Double.NaN : warmup.doneAtNanos() / 1e6);
        run.finding("pre-population loaded %d pages (%d turned away) in %.1f ms; traffic began at %.1f ms"
                .formatted(
                        warmup.pagesLoaded(),
                        warmup.pagesFailed(),
                        warmup.doneAtNanos() / 1e6,
                        outcome.trafficStartNanos() / 1e6));
    }
}
