package sdlab.chapters.quorum;

import java.util.List;
import sdlab.check.Verdict;
import sdlab.check.history.Operation;
import sdlab.check.history.OperationNames;
import sdlab.check.history.Operations;
import sdlab.check.linear.CheckLimits;
import sdlab.check.linear.Linearizability;
import sdlab.check.linear.LinearizabilityResult;
import sdlab.check.linear.Model;
import sdlab.check.linear.Models;
import sdlab.check.linear.PartitionResult;
import sdlab.check.session.Guarantee;
import sdlab.check.session.SessionGuarantees;
import sdlab.check.session.SessionReport;
import sdlab.check.session.SessionViolation;
import sdlab.check.session.StaleRead;
import sdlab.check.session.StaleReadReport;
import sdlab.check.session.StaleReads;
import sdlab.kv.quorum.QuorumClient;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.sim.SimResult;

/** Turns one run's history and statistics into the chapter's counters, latencies and findings. */
final class QuorumMeasurements {
    /**
     * A step budget, not a time limit, so that the verdict is the same on every machine; the
     * chapter's histories need a tiny fraction of it. Exhausting it gives "unknown", counted.
     */
    private static final CheckLimits LINEARIZABILITY_LIMITS = CheckLimits.steps(20_000_000);
    /** Each key is a register: reads return the last write's value. */
    static final Model LINEARIZABILITY_MODEL = Models.register();

    static final String OPS = "ops";
    static final String OPS_OK = "opsOk";
    static final String OPS_FAILED = "opsFailed";
    static final String OPS_UNKNOWN = "opsUnknown";
    static final String READS_OK = "readsOk";
    static final String STALE_READS = "staleReads";
    static final String READ_YOUR_WRITES = "readYourWritesViolations";
    static final String MONOTONIC_READS = "monotonicReadViolations";
    static final String MONOTONIC_WRITES = "monotonicWriteViolations";
    static final String WRITES_FOLLOW_READS = "writesFollowReadsViolations";
    static final String KEYS_NOT_LINEARIZABLE = "keysNotLinearizable";
    static final String KEYS_LINEARIZABILITY_UNKNOWN = "keysLinearizabilityUnknown";
    static final String MESSAGES = "messages";
    static final String LATENCY = "latency";

    private QuorumMeasurements() {}

    /**
     * Measures one run.
     *
     * @param names how findings name processes and operations: as the run's trace does, so that a
     *     reader can find them there
     */
    static SeedRun measure(SimResult result, RunOptions options, OperationNames names) {
        List<Operation> ops = Operations.of(result.history());
        SeedRun.Builder run = SeedRun.builder();
        countOutcomes(ops, run);
        countStaleReads(StaleReads.count(ops), names, run);
        countSessionViolations(SessionGuarantees.check(ops), names, run);
        countLinearizability(
                Linearizability.check(ops, LINEARIZABILITY_MODEL, LINEARIZABILITY_LIMITS), ops, names, run);
        run.counter(MESSAGES, result.stats().messagesSent());
        run.traceHash(result.traceHash());
        if (options.recordTrace()) {
            run.trace(result.trace());
        }
        if (options.keepHistory()) {
            run.history(result.history());
        }
        return run.build();
    }

    private static void countOutcomes(List<Operation> ops, SeedRun.Builder run) {
        for (Operation op : ops) {
            run.counter(OPS, 1);
            switch (op.status()) {
                case OK -> {
                    run.counter(OPS_OK, 1);
                    run.latencyNanos(LATENCY, op.completeTimeNanos() - op.invokeTimeNanos());
                    if (QuorumClient.READ.equals(op.f())) {
                        run.counter(READS_OK, 1);
                    }
                }
                case FAIL -> run.counter(OPS_FAILED, 1);
                case UNKNOWN -> run.counter(OPS_UNKNOWN, 1);
            }
        }
    }

    private static void countStaleReads(StaleReadReport report, OperationNames names, SeedRun.Builder run) {
        run.counter(STALE_READS, report.staleReads());
        for (StaleRead stale : report.examples()) {
            run.flagOperation(stale.readId(), "stale read: missed the completed write of " + stale.newerValue());
            run.finding("stale read: %s read %s of key %s (%s) at %s, but %s had been written and acknowledged at %s"
                    .formatted(
                            names.process(stale.process()),
                            stale.valueRead(),
                            stale.key(),
                            names.operation(stale.readId()),
                            millis(stale.readInvokeTimeNanos()),
                            stale.newerValue(),
                            millis(stale.newerWriteCompleteTimeNanos())));
        }
    }

    private static void countSessionViolations(SessionReport report, OperationNames names, SeedRun.Builder run) {
        run.counter(READ_YOUR_WRITES, report.count(Guarantee.READ_YOUR_WRITES));
        run.counter(MONOTONIC_READS, report.count(Guarantee.MONOTONIC_READS));
        run.counter(MONOTONIC_WRITES, report.count(Guarantee.MONOTONIC_WRITES));
        run.counter(WRITES_FOLLOW_READS, report.count(Guarantee.WRITES_FOLLOW_READS));
        for (SessionViolation violation : report.examples()) {
            run.flagOperation(violation.readId(), violation.guarantee() + ": " + violation.explanation(names));
            run.finding("session: " + violation.explanation(names));
        }
    }

    private static void countLinearizability(
            LinearizabilityResult result, List<Operation> ops, OperationNames names, SeedRun.Builder run) {
        run.counter(KEYS_NOT_LINEARIZABLE, result.partitions(Verdict.INVALID).size());
        run.counter(
                KEYS_LINEARIZABILITY_UNKNOWN, result.partitions(Verdict.UNKNOWN).size());
        for (PartitionResult partition : result.partitions(Verdict.INVALID)) {
            if (!partition.unplaced().isEmpty()) {
                run.flagOperation(
                        partition.unplaced().get(0),
                        "not linearizable: cannot take effect after the longest linearizable prefix of key "
                                + partition.key());
            }
            run.finding(
                    "not linearizable: key %s has a linearizable prefix of %d of its %d operations; %s could not be placed after it"
                            .formatted(
                                    partition.key(),
                                    partition.linearization().size(),
                                    partition.operations(),
                                    partition.unplaced().isEmpty()
                                            ? "an operation"
                                            : named(ops.get(partition.unplaced().get(0)), names)));
        }
    }

    /** An operation as the trace shows it: "op 59 of c4". */
    private static String named(Operation op, OperationNames names) {
        return names.operation(op.id()) + " of " + names.process(op.process());
    }

    private static String millis(long nanos) {
        return MillisText.of(nanos);
    }
}
