package sdlab.chapters.shard;

import java.util.Map;
import java.util.TreeMap;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.shard.store.ShardRouter;

/**
 * Turns one run of chapter 15 into the seed's figures. Load and latency come from the measured window (from the
 * warm-up to the join); data per shard and co-location from where the shards held keys just before the join; data
 * moved from the join's handoffs.
 */
final class PartitioningMeasurements {
    static final String POINT_LATENCY = "pointLatency";
    static final String SCAN_LATENCY = "scanLatency";
    static final String AGGREGATE_LATENCY = "aggregateLatency";
    static final String REQUESTS_MAX_OVER_MEAN = "requestsMaxOverMean";
    static final String LOAD_MAX_OVER_MEAN = "loadMaxOverMean";
    static final String DATA_MAX_OVER_MEAN = "dataMaxOverMean";
    static final String KEYS_MOVED = "keysMovedOnJoin";
    static final String KEYS_MOVED_BY_SPLITS = "keysMovedBySplits";
    static final String BYTES_MOVED = "bytesMovedOnJoin";
    static final String MOVED_OVER_MINIMUM = "movedOverMinimum";
    static final String MOVED_SHARE = "movedShare";
    static final String SCAN_FAN_OUT = "scanFanOut";
    static final String SCAN_MESSAGES = "messagesPerScan";
    static final String AGGREGATE_FAN_OUT = "aggregateFanOut";
    static final String NEIGHBOURS_TOGETHER = "neighboursTogether";
    static final String EDGES_WITHIN = "followEdgesWithinShard";
    static final String HOTTEST_KEY_SHARE = "hottestKeyShare";
    static final String HOT_KEY_FOUND = "hotKeyFound";
    static final String NOT_OWNED = "servedByNonOwner";
    static final String STALE = "staleRefusals";
    static final String SPLITS = "splits";
    static final String UNKNOWN = "opsUnknown";

    private PartitioningMeasurements() {}

    static SeedRun measure(PartitioningScenario.Outcome outcome, ParamValues values, long seed, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        LoadRecorder load = outcome.load();
        latencies(outcome, values, run);
        run.value(REQUESTS_MAX_OVER_MEAN, LoadRecorder.maxOverMean(load.requests));
        run.value(LOAD_MAX_OVER_MEAN, load.hottestShareByWindow());
        Map<NodeId, long[]> held = new TreeMap<>();
        outcome.firstTable().shards().forEach(shard -> held.put(shard, new long[1]));
        outcome.holderAtJoin().values().forEach(shard -> held.computeIfAbsent(shard, s -> new long[1])[0]++);
        run.value(DATA_MAX_OVER_MEAN, LoadRecorder.maxOverMean(held));
        long keys = outcome.holderAtJoin().size();
        double minimum = (double) keys / (values.get(PartitioningParams.SHARDS) + 1);
        run.counter(KEYS_MOVED, load.keysMovedOnJoin);
        run.counter(BYTES_MOVED, load.bytesMovedOnJoin);
        run.counter(KEYS_MOVED_BY_SPLITS, load.keysMovedBySplits);
        run.value(MOVED_OVER_MINIMUM, load.keysMovedOnJoin / minimum);
        run.value(MOVED_SHARE, keys == 0 ? Double.NaN : (double) load.keysMovedOnJoin / keys);
        routing(load, run);
        run.value(NEIGHBOURS_TOGETHER, Colocation.neighboursTogether(outcome.holderAtJoin()));
        run.value(
                EDGES_WITHIN,
                Colocation.edgesWithinOneShard(outcome.holderAtJoin(), values.get(PartitioningParams.KEYS), seed));
        long pointRequests = load.routedByOp.entrySet().stream()
                .filter(e -> e.getKey().equals(ShardRouter.GET) || e.getKey().equals(ShardRouter.PUT))
                .mapToLong(e -> e.getValue()[0])
                .sum();
        run.value(HOTTEST_KEY_SHARE, pointRequests == 0 ? 0 : (double) outcome.hottestKeyRequests() / pointRequests);
        if (outcome.mostPopular() != null) {
            run.value(HOT_KEY_FOUND, outcome.mostPopular().equals(outcome.hottestKey()) ? 1 : 0);
            run.finding("most popular user %s".formatted(outcome.mostPopular()));
        }
        run.counter(NOT_OWNED, load.servedNotOwned);
        run.counter(STALE, load.staleRejections);
        run.counter(SPLITS, load.splits);
        if (load.firstNotOwned != null) {
            run.finding(load.firstNotOwned);
        }
        run.finding("hottest key %s: %d requests at one shard"
                .formatted(outcome.hottestKey(), outcome.hottestKeyRequests()));
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static void latencies(PartitioningScenario.Outcome outcome, ParamValues values, SeedRun.Builder run) {
        long until = PartitioningScenario.joinAtNanos(values);
        for (Operation op : Operations.of(outcome.result().history())) {
            if (op.status() == Status.UNKNOWN) {
                run.counter(UNKNOWN, 1);
            }
            if (op.status() != Status.OK
                    || op.invokeTimeNanos() < PartitioningScenario.WARM_UP_NANOS
                    || op.invokeTimeNanos() >= until) {
                continue;
            }
            long nanos = op.completeTimeNanos() - op.invokeTimeNanos();
            switch (op.f()) {
                case ShardRouter.SCAN -> run.latencyNanos(SCAN_LATENCY, nanos);
                case ShardRouter.COUNT -> run.latencyNanos(AGGREGATE_LATENCY, nanos);
                default -> run.latencyNanos(POINT_LATENCY, nanos);
            }
        }
    }

    private static void routing(LoadRecorder load, SeedRun.Builder run) {
        long[] scans = load.routedByOp.get(ShardRouter.SCAN);
        if (scans != null && scans[0] > 0) {
            run.value(SCAN_FAN_OUT, (double) scans[2] / scans[0]);
            run.value(SCAN_MESSAGES, 2.0 * scans[1] / scans[0]);
        }
        long[] aggregates = load.routedByOp.get(ShardRouter.COUNT);
        if (aggregates != null && aggregates[0] > 0) {
            run.value(AGGREGATE_FAN_OUT, (double) aggregates[2] / aggregates[0]);
        }
    }
}
