package sdlab.chapters.shard.hotspots;

import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.shard.store.ShardRouter;

/** Turns one run of chapter 16 into the seed's figures. */
final class HotspotMeasurements {
    static final String LATENCY = "latency";
    static final String HOT_READ_LATENCY = "hotKeyReadLatency";
    static final String HOTTEST = "hottestShardOverMean";
    static final String THROTTLED = "throttled";
    static final String THROTTLED_SHARE = "throttledShare";
    static final String SPLITS = "splits";
    static final String KEYS_MOVED = "keysMoved";
    static final String STALE = "staleRefusals";
    static final String UNKNOWN = "opsUnknown";
    static final String NOT_OWNED = "servedByNonOwner";
    static final String HOT_READ_REQUESTS = "hotKeyReadRequests";
    static final String HOT_WRITES_BUSIEST = "hotKeyWritesOnBusiestShard";
    static final String REQUESTS_PER_OP = "requestsPerOperation";
    static final String MESSAGES_PER_OP = "messagesPerOperation";
    static final String HOT_SERVED = "hotKeyServedByShards";
    static final String HOT_SERVED_BOUND = "hotKeyServedBound";
    static final String HIT_RATIO = "cacheHitRatio";
    static final String COALESCED = "coalescedReads";
    static final String CACHE_ENTRIES = "cacheEntriesPeak";
    static final String INVALIDATIONS = "cacheInvalidations";
    static final String STALE_READS = "staleReads";
    static final String STALE_SHARE = "staleReadShare";
    static final String STALENESS_MAX = "stalenessMsMax";

    private HotspotMeasurements() {}

    static SeedRun measure(HotspotScenario.Outcome outcome, ParamValues values, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        long until = values.get(HotspotParams.LENGTH).toNanos();
        long completed = 0;
        String hot = Hotspot.hotKey(values);
        long hotWritesInWindow = 0;
        List<Operation> history = Operations.of(outcome.result().history());
        for (Operation op : history) {
            if (hot.equals(op.key())
                    && ShardRouter.PUT.equals(op.f())
                    && op.invokeTimeNanos() < until
                    && op.completeTimeNanos() >= HotspotScenario.WARM_UP_NANOS) {
                hotWritesInWindow++;
            }
            if (op.status() == Status.UNKNOWN) {
                run.counter(UNKNOWN, 1);
            }
            completed++;
            if (op.status() == Status.OK
                    && op.invokeTimeNanos() >= HotspotScenario.WARM_UP_NANOS
                    && op.invokeTimeNanos() < until) {
                run.latencyNanos(LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
                if (hot.equals(op.key()) && ShardRouter.GET.equals(op.f())) {
                    run.latencyNanos(HOT_READ_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
                }
            }
        }
        HotspotRecorder load = outcome.load();
        run.value(HOTTEST, load.hottestOverMean());
        run.counter(THROTTLED, load.throttled);
        run.value(THROTTLED_SHARE, completed == 0 ? 0 : (double) load.throttled / completed);
        run.counter(SPLITS, load.splits);
        run.counter(KEYS_MOVED, load.keysMoved);
        run.counter(STALE, load.staleRefusals);
        run.counter(NOT_OWNED, load.servedNotOwned);
        run.value(
                HOT_READ_REQUESTS,
                load.hotKeyReads == 0 ? Double.NaN : (double) load.hotKeyReadRequests / load.hotKeyReads);
        run.value(REQUESTS_PER_OP, load.operations == 0 ? 0 : (double) load.operationRequests / load.operations);
        run.value(
                MESSAGES_PER_OP,
                completed == 0 ? 0 : (double) outcome.result().stats().messagesSent() / completed);
        run.counter(HOT_SERVED, load.hotKeyServed);
        run.value(HOT_WRITES_BUSIEST, load.hotWritesOnBusiestShard());
        HotKeyStaleness.Result staleness = HotKeyStaleness.of(history, hot);
        run.counter(STALE_READS, staleness.stale());
        run.value(STALE_SHARE, staleness.reads() == 0 ? 0 : (double) staleness.stale() / staleness.reads());
        run.value(STALENESS_MAX, staleness.stalenessNanosMax() / 1e6);
        if (outcome.cache() != null) {
            // One fetch per TTL at most, plus one for the window's edges and one for the flight that detected the
            // key, and the writes of the hot key, which do not pass through the cache.
            long ttl = values.get(HotspotParams.CACHE_TTL).toNanos();
            run.counter(HOT_SERVED_BOUND, (until - HotspotScenario.WARM_UP_NANOS) / ttl + 2 + hotWritesInWindow);
            run.value(HIT_RATIO, load.cacheReads == 0 ? 0 : (double) load.cacheHits / load.cacheReads);
            run.counter(COALESCED, outcome.cache().coalesced());
            run.counter(CACHE_ENTRIES, outcome.cache().entriesPeak());
            run.counter(INVALIDATIONS, outcome.cache().invalidations());
        }
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }
}
