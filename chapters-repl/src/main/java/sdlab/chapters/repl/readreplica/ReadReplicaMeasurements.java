package sdlab.chapters.repl.readreplica;

import static sdlab.chapters.repl.readreplica.ReadReplicaScenario.NEW_REPLICA;
import static sdlab.chapters.repl.readreplica.ReadReplicaScenario.OLD_REPLICA;
import static sdlab.chapters.repl.readreplica.ReadReplicaScenario.PRIMARY;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * Turns one run of chapter 8 into the seed's figures. "Before" is the steady stretch that ends at the join, "after"
 * everything invoked from the join on, and "catching up" the new replica's stretch from the join until it first
 * reported a lag within one sample period. Read latencies are the clients' (invocation to answer, fallbacks
 * included); where the time goes is the sum of the after-join reads' latencies by the node that served them.
 */
final class ReadReplicaMeasurements {
    static final String READ_BEFORE = "readBefore";
    static final String READ_AFTER = "readAfter";
    static final String NEW_CATCHING_UP = "newReplicaCatchingUp";
    static final String NEW_AFTER = "newReplicaAfter";
    static final String OLD_AFTER = "oldReplicaAfter";
    static final String STALENESS = "staleness";

    static final String MEAN_BEFORE = "readMeanMsBefore";
    static final String MEAN_AFTER = "readMeanMsAfter";
    static final String ADDED_TIME = "addedReadTimeMs";
    static final String TIME_NEW = "readTimeMsOnNewReplica";
    static final String TIME_OLD = "readTimeMsOnOldReplica";
    static final String TIME_PRIMARY = "readTimeMsOnPrimary";
    static final String TIME_FALLBACKS = "readTimeMsInFallbacks";
    static final String NEW_EXCESS = "newReplicaExcessMs";
    static final String NEW_LAG_MAX = "newReplicaLagMsMax";
    static final String OLD_LAG_MAX = "oldReplicaLagMsMax";
    static final String CAUGHT_UP = "newReplicaCaughtUpMs";
    static final String SNAPSHOT_MS = "snapshotMs";
    static final String SNAPSHOT_MB = "snapshotMB";

    static final String READS_AFTER = "readsAfter";
    static final String READS_CATCHING_UP = "readsWhileCatchingUp";
    static final String READS_TO_NEW_CATCHING_UP = "readsToNewReplicaWhileCatchingUp";
    static final String FALLBACKS = "fallbacks";
    static final String STALE = "staleReads";
    static final String STALE_FROM_NEW = "staleReadsFromNewReplica";
    static final String OWN_WRITE_MISSED = "readsMissingOwnWrite";
    static final String NEW_LOOKUPS = "newReplicaLookUps";
    static final String NEW_HITS = "newReplicaHits";
    static final String OLD_LOOKUPS = "oldReplicaLookUps";
    static final String OLD_HITS = "oldReplicaHits";
    static final String NEW_APPLY_MISSES = "newReplicaApplyMisses";
    static final String LEADER_CHANGES = "leaderChanges";

    private static final int EXAMPLES_MAX = 3;

    private ReadReplicaMeasurements() {}

    static SeedRun measure(ReadReplicaScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        long join = outcome.joinAtNanos();
        long before = join - ReadReplicaScenario.BEFORE_WINDOW.toNanos();
        long caughtUp = outcome.lag().caughtUpOrNever();
        ReadLog log = outcome.log();
        readLatencies(log, before, join, caughtUp, run);
        staleness(outcome, join, run);
        cache(log, join, run);
        run.value(NEW_LAG_MAX, outcome.lag().newLagNanosMax / 1e6);
        run.value(OLD_LAG_MAX, outcome.lag().oldLagNanosMax / 1e6);
        run.value(CAUGHT_UP, caughtUp == Long.MAX_VALUE ? Double.NaN : (caughtUp - join) / 1e6);
        run.value(SNAPSHOT_MS, log.snapshotNanos / 1e6);
        run.value(SNAPSHOT_MB, log.snapshotBytes / 1e6);
        run.counter(LEADER_CHANGES, log.leaderChanges);
        run.finding("new replica: snapshot of %.1f MB loaded in %.1f ms, lag up to %.1f ms, caught up %s"
                .formatted(
                        log.snapshotBytes / 1e6,
                        log.snapshotNanos / 1e6,
                        outcome.lag().newLagNanosMax / 1e6,
                        caughtUp == Long.MAX_VALUE
                                ? "never"
                                : "%.0f ms after the join".formatted((caughtUp - join) / 1e6)));
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static void readLatencies(ReadLog log, long before, long join, long caughtUp, SeedRun.Builder run) {
        long beforeCount = 0;
        long beforeNanos = 0;
        for (ReadLog.RoutedRead read : log.reads) {
            if (read.invokedNanos() >= before && read.invokedNanos() < join) {
                run.latencyNanos(READ_BEFORE, read.nanos());
                beforeCount++;
                beforeNanos += read.nanos();
            }
        }
        double meanBefore = beforeCount == 0 ? 0 : (double) beforeNanos / beforeCount;
        long afterCount = 0;
        double afterNanos = 0;
        double onNew = 0;
        double onOld = 0;
        double onPrimary = 0;
        double inFallbacks = 0;
        double newExcess = 0;
        for (ReadLog.RoutedRead read : log.reads) {
            if (read.invokedNanos() < join) {
                continue;
            }
            afterCount++;
            afterNanos += read.nanos();
            run.latencyNanos(READ_AFTER, read.nanos());
            boolean catchingUp = read.invokedNanos() < caughtUp;
            if (catchingUp) {
                run.counter(READS_CATCHING_UP, 1);
                run.counter(READS_TO_NEW_CATCHING_UP, read.firstTarget().equals(NEW_REPLICA) ? 1 : 0);
            }
            if (read.firstTarget().equals(NEW_REPLICA)) {
                newExcess += read.nanos() - meanBefore;
            }
            if (read.fellBack()) {
                run.counter(FALLBACKS, 1);
                inFallbacks += read.nanos();
            } else if (read.servedBy().equals(NEW_REPLICA)) {
                onNew += read.nanos();
                run.latencyNanos(NEW_AFTER, read.nanos());
                if (catchingUp) {
                    run.latencyNanos(NEW_CATCHING_UP, read.nanos());
                }
            } else if (read.servedBy().equals(OLD_REPLICA)) {
                onOld += read.nanos();
                run.latencyNanos(OLD_AFTER, read.nanos());
            } else if (read.servedBy().equals(PRIMARY)) {
                onPrimary += read.nanos();
            }
        }
        run.counter(READS_AFTER, afterCount);
        run.value(MEAN_BEFORE, meanBefore / 1e6);
        run.value(MEAN_AFTER, afterCount == 0 ? 0 : afterNanos / afterCount / 1e6);
        run.value(ADDED_TIME, (afterNanos - afterCount * meanBefore) / 1e6);
        run.value(NEW_EXCESS, newExcess / 1e6);
        run.value(TIME_NEW, onNew / 1e6);
        run.value(TIME_OLD, onOld / 1e6);
        run.value(TIME_PRIMARY, onPrimary / 1e6);
        run.value(TIME_FALLBACKS, inFallbacks / 1e6);
    }

    private static void staleness(ReadReplicaScenario.Outcome outcome, long join, SeedRun.Builder run) {
        List<Operation> ops = Operations.of(outcome.result().history());
        StaleReads found = StaleReads.find(ops, outcome.positions());
        int examples = 0;
        for (StaleReads.Stale stale : found.stale) {
            run.counter(STALE, 1);
            run.latencyNanos(STALENESS, stale.stalenessNanos());
            if (stale.read().invokeTimeNanos() >= join && examples++ < EXAMPLES_MAX) {
                run.finding("stale read: %s returned %s at %.4f s, %.1f ms behind a write acknowledged before it began"
                        .formatted(
                                stale.read().key(),
                                stale.read().output(),
                                stale.read().invokeTimeNanos() / 1e9,
                                stale.stalenessNanos() / 1e6));
            }
        }
        for (Operation missed : found.missedOwnWrite) {
            run.counter(OWN_WRITE_MISSED, 1);
            run.flagOperation(missed.id(), "returned a value older than this client's own earlier write");
        }
        staleFromNew(outcome, found, run);
    }

    /**
     * Stale reads served by the new replica: matched to the routed reads by client (process {@code i} is client
     * {@code c<i>}) and completion time.
     */
    private static void staleFromNew(ReadReplicaScenario.Outcome outcome, StaleReads found, SeedRun.Builder run) {
        Set<String> newCompletions = new HashSet<>();
        for (ReadLog.RoutedRead read : outcome.log().reads) {
            if (read.servedBy().equals(NEW_REPLICA)) {
                newCompletions.add(read.client().name() + "@" + read.completedNanos());
            }
        }
        for (StaleReads.Stale stale : found.stale) {
            if (newCompletions.contains(
                    "c" + stale.read().process() + "@" + stale.read().completeTimeNanos())) {
                run.counter(STALE_FROM_NEW, 1);
            }
        }
    }

    private static void cache(ReadLog log, long join, SeedRun.Builder run) {
        for (ReadLog.PageEvent event : log.lookUps) {
            if (event.atNanos() < join) {
                continue;
            }
            if (event.node().equals(NEW_REPLICA)) {
                run.counter(NEW_LOOKUPS, 1);
                run.counter(NEW_HITS, event.hit() ? 1 : 0);
            } else if (event.node().equals(OLD_REPLICA)) {
                run.counter(OLD_LOOKUPS, 1);
                run.counter(OLD_HITS, event.hit() ? 1 : 0);
            }
        }
        for (ReadLog.PageEvent event : log.applies) {
            if (event.node().equals(NEW_REPLICA) && !event.hit()) {
                run.counter(NEW_APPLY_MISSES, 1);
            }
        }
    }
}
