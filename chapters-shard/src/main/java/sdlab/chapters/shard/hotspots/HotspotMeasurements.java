package sdlab.chapters.shard.hotspots;

import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.ParamValues;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Turns one run of chapter 16 into the seed's figures. */
final class HotspotMeasurements {
    static final String LATENCY = "latency";
    static final String HOTTEST = "hottestShardOverMean";
    static final String THROTTLED = "throttled";
    static final String THROTTLED_SHARE = "throttledShare";
    static final String SPLITS = "splits";
    static final String KEYS_MOVED = "keysMoved";
    static final String STALE = "staleRefusals";
    static final String UNKNOWN = "opsUnknown";
    static final String NOT_OWNED = "servedByNonOwner";

    private HotspotMeasurements() {}

    static SeedRun measure(HotspotScenario.Outcome outcome, ParamValues values, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        long until = values.get(HotspotParams.LENGTH).toNanos();
        long completed = 0;
        for (Operation op : Operations.of(outcome.result().history())) {
            if (op.status() == Status.UNKNOWN) {
                run.counter(UNKNOWN, 1);
            }
            completed++;
            if (op.status() == Status.OK
                    && op.invokeTimeNanos() >= HotspotScenario.WARM_UP_NANOS
                    && op.invokeTimeNanos() < until) {
                run.latencyNanos(LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
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
