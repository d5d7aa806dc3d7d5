package sdlab.chapters.repl;

import java.util.List;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.repl.ReplClient;
import sdlab.repl.ReplObserver.CommitAck;

/**
 * Turns one run of chapter 19 into the seed's counts. A write is acknowledged when its client heard "ok"; it is lost
 * when the promoted replica's log does not hold its value at the end. A phantom read returned a value that is lost;
 * it saw an unacknowledged write when the primary never acknowledged that value to anyone. Latencies are the steady
 * state's: operations invoked before the seed's first fault.
 */
final class SemiSyncMeasurements {
    static final String COMMIT_LATENCY = "commitLatency";
    static final String READ_LATENCY = "readLatency";
    static final String ROUND_TRIP = "roundTrip";
    static final String RELAY_SYNC = "relaySync";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String LOST = "acknowledgedLost";
    static final String LOST_AFTER_REPLICA_ACK = "lostAfterReplicaAck";
    static final String LOST_AFTER_FALLBACK = "lostAfterFallback";
    static final String PHANTOM_READS = "phantomReads";
    static final String PHANTOM_READS_UNACKNOWLEDGED = "phantomReadsOfUnacknowledged";
    static final String FALLBACKS = "fallbacksToAsync";
    static final String RESUMES = "semiSyncResumes";
    static final String WRITES_UNKNOWN = "writesUnknown";
    static final String POWER_LOSS_SEEDS = "powerLoss";
    static final String CUT_SEEDS = "cut";
    static final String SECONDS_BEHIND_SOURCE_IN_CUT = "secondsBehindSourceInCut";
    static final String RECEIVE_LAG_IN_CUT = "receiveLagInCut";

    private static final int EXAMPLES_MAX = 3;

    private SemiSyncMeasurements() {}

    static SeedRun measure(SemiSyncScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        List<Operation> ops = Operations.of(outcome.result().history());
        long steadyUntil = outcome.faults().firstFaultNanos();
        countWrites(ops, outcome, steadyUntil, run);
        countReads(ops, outcome, steadyUntil, run);
        // The lost writes and phantom reads come first among the findings: a claim's evidence quotes the first.
        run.finding("fault: " + outcome.faults().describe() + "; " + outcome.log().promotion);
        outcome.log().roundTripNanos.forEach(nanos -> run.latencyNanos(ROUND_TRIP, nanos));
        outcome.log().relaySyncNanos.forEach(nanos -> run.latencyNanos(RELAY_SYNC, nanos));
        if (outcome.lag().sampled()) {
            // One sample per cut seed: its largest figure, so that the percentiles are over seeds.
            run.latencyNanos(SECONDS_BEHIND_SOURCE_IN_CUT, outcome.lag().secondsBehindSourceNanosMax());
            run.latencyNanos(RECEIVE_LAG_IN_CUT, outcome.lag().receiveLagNanosMax());
        }
        run.counter(FALLBACKS, outcome.log().switchesOff);
        run.counter(RESUMES, outcome.log().switchesOn);
        run.counter(POWER_LOSS_SEEDS, outcome.faults().powerLoss() ? 1 : 0);
        run.counter(CUT_SEEDS, outcome.faults().cut() ? 1 : 0);
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static void countWrites(
            List<Operation> ops, SemiSyncScenario.Outcome outcome, long steadyUntil, SeedRun.Builder run) {
        int examples = 0;
        for (Operation op : ops) {
            if (!op.f().equals(ReplClient.WRITE)) {
                continue;
            }
            if (op.status() == Status.UNKNOWN) {
                run.counter(WRITES_UNKNOWN, 1);
            }
            if (op.status() != Status.OK) {
                continue;
            }
            run.counter(ACKNOWLEDGED, 1);
            if (op.invokeTimeNanos() < steadyUntil) {
                run.latencyNanos(COMMIT_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            }
            String value = (String) op.output();
            if (outcome.kept().contains(value)) {
                continue;
            }
            CommitAck ack = outcome.log().ackByValue.get(value);
            run.counter(LOST, 1);
            run.counter(LOST_AFTER_REPLICA_ACK, ack == CommitAck.REPLICAS ? 1 : 0);
            run.counter(LOST_AFTER_FALLBACK, ack == CommitAck.FALLBACK ? 1 : 0);
            run.flagOperation(op.id(), "acknowledged (" + ack + "), missing after the failover");
            if (examples++ < EXAMPLES_MAX) {
                run.finding("lost: %s=%s acknowledged at %.4f s (%s), not in the promoted replica's log"
                        .formatted(op.key(), value, op.completeTimeNanos() / 1e9, describe(ack)));
            }
        }
    }

    private static void countReads(
            List<Operation> ops, SemiSyncScenario.Outcome outcome, long steadyUntil, SeedRun.Builder run) {
        int examples = 0;
        for (Operation op : ops) {
            if (!op.f().equals(ReplClient.READ) || op.status() != Status.OK) {
                continue;
            }
            if (op.invokeTimeNanos() < steadyUntil) {
                run.latencyNanos(READ_LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
            }
            if (!(op.output() instanceof String value) || outcome.kept().contains(value)) {
                continue;
            }
            boolean unacknowledged = !outcome.log().ackByValue.containsKey(value);
            run.counter(PHANTOM_READS, 1);
            run.counter(PHANTOM_READS_UNACKNOWLEDGED, unacknowledged ? 1 : 0);
            run.flagOperation(op.id(), "read " + value + ", which the failover lost");
            if (examples++ < EXAMPLES_MAX) {
                run.finding("phantom read: %s returned %s at %.4f s, a write the failover lost%s"
                        .formatted(
                                op.key(),
                                value,
                                op.completeTimeNanos() / 1e9,
                                unacknowledged ? " and the primary never acknowledged" : ""));
            }
        }
    }

    private static String describe(CommitAck ack) {
        if (ack == null) {
            return "no acknowledgement recorded";
        }
        return switch (ack) {
            case LOCAL -> "asynchronously, after the primary's own sync";
            case REPLICAS -> "after a replica's acknowledgement";
            case FALLBACK -> "by a primary that had fallen back to asynchronous";
        };
    }
}
