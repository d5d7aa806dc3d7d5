package sdlab.chapters.repl.redundancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;
import sdlab.repl.ReplClient;

/**
 * Turns one run of chapter 3 into the seed's figures. Availability, data lost and conflicts come from the client
 * history (what clients heard, and when); the traffic from what every node and client sent ({@link Traffic}); failover
 * and restore times from the store's reports.
 *
 * <ul>
 *   <li>Downtime: from the first stop to the end, the stretches of at least 50 ms in which no client had a write (or a
 *       read) acknowledged, added up ({@link Outages}); and the longest stretch one writer went without its own.
 *   <li>Lost: a write whose client heard "ok" and that the pattern does not hold at the end ({@link Deployment#kept}),
 *       among those acknowledged up to {@value #SETTLE_MS} ms before the end (later ones may still be on their way).
 *   <li>Conflicting: an acknowledged write for which another primary acknowledged another value of the same key while
 *       it was in flight (the two overlap from invocation to answer): both clients were told they wrote the key.
 *   <li>Traffic per write: what was sent in the steady state (from 200 ms to the first stop), by kind, over the writes
 *       acknowledged in it. The multiple is the client writes' bytes (requests and answers) and the replication's,
 *       over the client writes' alone: 1 where nothing is copied.
 * </ul>
 */
final class RedundancyMeasurements {
    static final String ACKNOWLEDGED = "acknowledgedWrites";
    static final String LOST = "acknowledgedLost";
    static final String CONFLICTING = "conflictingWrites";
    static final String WRITE_DOWNTIME = "writeDowntimeMs";
    static final String WRITE_GAP = "longestWriteGapMs";
    static final String READ_DOWNTIME = "readDowntimeMs";
    static final String READ_GAP = "longestReadGapMs";
    static final String CLIENT_WRITE_GAP = "longestClientWriteGapMs";
    static final String FAILOVER = "failoverMs";
    static final String RESTORE = "restoreMs";
    static final String PRIMARY_DOWN = "primaryWriteDowntimeMs";
    static final String LOST_BEFORE_STOP = "lostAcknowledgedBeforeStopMsMax";

    static final String STEADY_WRITES = "steadyWrites";
    static final String WRITE_MESSAGES = "writeMessages";
    static final String WRITE_BYTES = "writeBytes";
    static final String REPLICATION_MESSAGES = "replicationMessages";
    static final String REPLICATION_BYTES = "replicationBytes";
    static final String COPY_MESSAGES = "copyMessages";
    static final String COPY_BYTES = "copyBytes";
    static final String FEEDBACK_BYTES = "feedbackBytes";
    static final String ENTRIES_COPIED = "entriesCopied";
    static final String CONTROL_MESSAGES = "controlMessages";
    static final String CONTROL_BYTES = "controlBytes";
    static final String WRITE_AND_REPLICATION_BYTES = "writeAndReplicationBytes";
    static final String MESSAGES_TALLIED = "messagesTallied";
    static final String MESSAGES_SENT = "messagesSent";

    static final long SETTLE_MS = 500;
    private static final long MS = 1_000_000L;
    private static final int EXAMPLES_MAX = 3;

    private RedundancyMeasurements() {}

    static SeedRun measure(RedundancyScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        List<Operation> ops = Operations.of(outcome.result().history());
        List<Operation> writes = acknowledged(ops, ReplClient.WRITE);
        run.counter(ACKNOWLEDGED, writes.size());
        // Lost writes and conflicts come first among the findings: a claim's evidence quotes the first.
        countLost(writes, outcome, run);
        countConflicts(writes, outcome.ledger(), run);
        failover(outcome, run);
        availability(writes, acknowledged(ops, ReplClient.READ), outcome, run);
        traffic(writes, outcome.traffic(), run);
        run.counter(MESSAGES_TALLIED, outcome.traffic().messagesSent());
        run.counter(MESSAGES_SENT, outcome.result().stats().messagesSent());
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static List<Operation> acknowledged(List<Operation> ops, String f) {
        return ops.stream()
                .filter(op -> op.f().equals(f) && op.status() == Status.OK)
                .toList();
    }

    private static void availability(
            List<Operation> writes, List<Operation> reads, RedundancyScenario.Outcome outcome, SeedRun.Builder run) {
        Maintenance maintenance = outcome.maintenance();
        long from = maintenance.startNanos();
        long until = maintenance.endNanos();
        Outages writeOutages = Outages.of(completions(writes), from, until);
        run.value(WRITE_DOWNTIME, writeOutages.downNanos() / 1e6);
        run.value(WRITE_GAP, writeOutages.longestGapNanos() / 1e6);
        Outages readOutages = Outages.of(completions(reads), from, until);
        run.value(READ_DOWNTIME, reads.isEmpty() ? Double.NaN : readOutages.downNanos() / 1e6);
        run.value(READ_GAP, reads.isEmpty() ? Double.NaN : readOutages.longestGapNanos() / 1e6);
        Map<Integer, List<Long>> byWriter = new HashMap<>();
        writes.forEach(op ->
                byWriter.computeIfAbsent(op.process(), any -> new ArrayList<>()).add(op.completeTimeNanos()));
        long clientGap = 0;
        for (List<Long> own : byWriter.values()) {
            clientGap = Math.max(clientGap, Outages.of(own, from, until).longestGapNanos());
        }
        run.value(CLIENT_WRITE_GAP, clientGap / 1e6);
        List<Maintenance.Window> windows = maintenance.windows();
        for (int i = 0; i < windows.size(); i++) {
            Maintenance.Window window = windows.get(i);
            long next = i + 1 < windows.size() ? windows.get(i + 1).stopNanos() : until;
            Outages during = Outages.of(completions(writes), window.stopNanos(), next);
            if (i == windows.size() - 1) {
                run.value(PRIMARY_DOWN, during.downNanos() / 1e6);
            }
            run.finding("%s down %.2f-%.2f s: no write acknowledged for %.0f ms, reads %.0f ms"
                    .formatted(
                            window.node(),
                            window.stopNanos() / 1e9,
                            window.restartNanos() / 1e9,
                            during.downNanos() / 1e6,
                            Outages.of(completions(reads), window.stopNanos(), next)
                                            .downNanos()
                                    / 1e6));
        }
    }

    private static List<Long> completions(List<Operation> ops) {
        return ops.stream().map(Operation::completeTimeNanos).toList();
    }

    private static void countLost(List<Operation> writes, RedundancyScenario.Outcome outcome, SeedRun.Builder run) {
        long checkedUntil = outcome.maintenance().endNanos() - SETTLE_MS * MS;
        long stop = outcome.maintenance().last().stopNanos();
        long earliest = Long.MAX_VALUE;
        int examples = 0;
        for (Operation op : writes) {
            String value = (String) op.output();
            if (op.completeTimeNanos() >= checkedUntil || outcome.kept().contains(value)) {
                continue;
            }
            run.counter(LOST, 1);
            earliest = Math.min(earliest, op.completeTimeNanos());
            run.flagOperation(op.id(), "acknowledged, missing at the end");
            if (examples++ < EXAMPLES_MAX) {
                run.finding("lost: %s=%s acknowledged by %s at %.4f s, not held at the end (primary then %s)"
                        .formatted(
                                op.key(),
                                abbreviated(value),
                                outcome.ledger().acknowledgedBy.get(value),
                                op.completeTimeNanos() / 1e9,
                                outcome.finalPrimary()));
            }
        }
        // How long before the last stop the earliest lost write was acknowledged (negative: after it).
        run.value(LOST_BEFORE_STOP, earliest == Long.MAX_VALUE ? Double.NaN : (stop - earliest) / 1e6);
    }

    /** A written value without the dots that pad it to the configured size. */
    static String abbreviated(Object value) {
        String text = String.valueOf(value);
        int dots = text.indexOf('.');
        return dots < 0 ? text : text.substring(0, dots);
    }

    /** Acknowledged writes that overlap an acknowledged write of the same key at another primary. */
    private static void countConflicts(List<Operation> writes, RedundancyLedger ledger, SeedRun.Builder run) {
        Map<String, List<Operation>> byKey = new HashMap<>();
        writes.forEach(
                op -> byKey.computeIfAbsent(op.key(), any -> new ArrayList<>()).add(op));
        Set<Integer> conflicting = new HashSet<>();
        String example = null;
        for (List<Operation> sameKey : byKey.values()) {
            List<Operation> ordered = new ArrayList<>(sameKey);
            ordered.sort(Comparator.comparingLong(Operation::invokeTimeNanos));
            for (int i = 0; i < ordered.size(); i++) {
                Operation first = ordered.get(i);
                NodeId firstAt = ledger.acknowledgedBy.get((String) first.output());
                for (int j = i + 1;
                        j < ordered.size() && ordered.get(j).invokeTimeNanos() < first.completeTimeNanos();
                        j++) {
                    Operation second = ordered.get(j);
                    NodeId secondAt = ledger.acknowledgedBy.get((String) second.output());
                    if (firstAt != null && secondAt != null && !firstAt.equals(secondAt)) {
                        conflicting.add(first.id());
                        conflicting.add(second.id());
                        if (example == null) {
                            example = "conflict: %s=%s at %s and %s=%s at %s, both acknowledged at %.4f-%.4f s"
                                    .formatted(
                                            first.key(),
                                            abbreviated(first.output()),
                                            firstAt,
                                            second.key(),
                                            abbreviated(second.output()),
                                            secondAt,
                                            second.invokeTimeNanos() / 1e9,
                                            first.completeTimeNanos() / 1e9);
                        }
                    }
                }
            }
        }
        run.counter(CONFLICTING, conflicting.size());
        if (example != null) {
            run.finding(example);
        }
    }

    private static void traffic(List<Operation> writes, Traffic traffic, SeedRun.Builder run) {
        long steady = writes.stream()
                .filter(op -> op.completeTimeNanos() >= traffic.steadyFromNanos()
                        && op.completeTimeNanos() < traffic.steadyUntilNanos())
                .count();
        Traffic.Count write = traffic.steady(Traffic.Kind.WRITE);
        Traffic.Count copy = traffic.steady(Traffic.Kind.COPY);
        Traffic.Count feedback = traffic.steady(Traffic.Kind.FEEDBACK);
        Traffic.Count control = traffic.steady(Traffic.Kind.CONTROL);
        run.counter(STEADY_WRITES, steady);
        run.counter(WRITE_MESSAGES, write.messages);
        run.counter(WRITE_BYTES, write.bytes);
        run.counter(ENTRIES_COPIED, traffic.steadyEntriesCopied());
        run.counter(COPY_MESSAGES, copy.messages);
        run.counter(COPY_BYTES, copy.bytes);
        run.counter(FEEDBACK_BYTES, feedback.bytes);
        run.counter(REPLICATION_MESSAGES, copy.messages + feedback.messages);
        run.counter(REPLICATION_BYTES, copy.bytes + feedback.bytes);
        run.counter(CONTROL_MESSAGES, control.messages);
        run.counter(CONTROL_BYTES, control.bytes);
        run.counter(WRITE_AND_REPLICATION_BYTES, write.bytes + copy.bytes + feedback.bytes);
        run.finding(("steady state: %d writes; per write: client %.2f messages, %.0f B; %.2f copies in %.2f messages,"
                        + " %.0f B; feedback %.2f messages, %.0f B; control %.2f messages; traffic multiple %.2f")
                .formatted(
                        steady,
                        per(write.messages, steady),
                        per(write.bytes, steady),
                        per(traffic.steadyEntriesCopied(), steady),
                        per(copy.messages, steady),
                        per(copy.bytes, steady),
                        per(feedback.messages, steady),
                        per(feedback.bytes, steady),
                        per(control.messages, steady),
                        per(write.bytes + copy.bytes + feedback.bytes, write.bytes)));
    }

    private static void failover(RedundancyScenario.Outcome outcome, SeedRun.Builder run) {
        long stop = outcome.maintenance().last().stopNanos();
        RedundancyLedger ledger = outcome.ledger();
        var promotion = ledger.promotions.stream()
                .filter(promoted -> promoted.atNanos() >= stop)
                .findFirst();
        double failover = promotion.map(p -> (p.atNanos() - stop) / 1e6).orElse(Double.NaN);
        var restored = ledger.restores.stream().findFirst();
        double restore = restored.map(r -> r.tookNanos() / 1e6).orElse(Double.NaN);
        run.value(FAILOVER, failover);
        run.value(RESTORE, restore);
        String how = restored.map(
                        r -> " after a restore of %.0f ms (the base backup at position %d, %d entries replayed)"
                                .formatted(restore, r.basePosition(), r.position() - r.basePosition()))
                .orElse("");
        promotion.ifPresent(promoted -> run.finding("the primary stopped at %.3f s; %s took over %.0f ms later%s;"
                        .formatted(stop / 1e9, promoted.node(), failover, how)
                + " primary at the end: " + outcome.finalPrimary()));
    }

    private static double per(long count, long writes) {
        return writes == 0 ? Double.NaN : (double) count / writes;
    }
}
