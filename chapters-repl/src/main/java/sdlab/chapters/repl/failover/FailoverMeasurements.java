package sdlab.chapters.repl.failover;

import java.util.ArrayList;
import java.util.BitSet;
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
 * Turns one run of chapter 12 into the seed's figures, all measured from what the nodes did and the clients heard.
 *
 * <ul>
 *   <li>Two primaries: a node "serves" from one commit of a client write to its next when they are at most
 *       {@value #SERVING_GAP_MS} ms apart; the time in which two nodes serve at once, at millisecond resolution.
 *   <li>Conflicting writes: log positions at which two nodes each committed a client write.
 *   <li>Lost: writes whose client heard "ok" and that the final primary's log does not hold.
 *   <li>Unavailability: the gaps between consecutive acknowledged writes (any client) longer than
 *       {@value #SERVING_GAP_MS} ms, added up: the time in which no client got a write through.
 *   <li>A missed failover: such a gap longer than twice the manager's detection time (interval times failures) with
 *       no promotion in it: the service was down and the manager did nothing.
 *   <li>A false failover: a promotion although the replaced primary committed a client write within the detection
 *       time before it: the primary was serving, slowly or out of the manager's sight.
 * </ul>
 */
final class FailoverMeasurements {
    static final String DUAL_PRIMARY_MS = "dualPrimaryMs";
    static final String CONFLICTING = "conflictingWrites";
    static final String LOST = "acknowledgedLost";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String UNAVAILABLE_MS = "unavailableMs";
    static final String MISSED = "missedFailovers";
    static final String FALSE = "falseFailovers";
    static final String FAILOVERS = "failovers";
    static final String DISCARDED = "discardedOnRejoin";
    static final String FAULT_PREFIX = "fault-";

    static final long SERVING_GAP_MS = 50;
    private static final long MS = 1_000_000L;
    private static final int EXAMPLES_MAX = 3;

    private FailoverMeasurements() {}

    static SeedRun measure(FailoverScenario.Outcome outcome, long detectionNanos, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        FailoverLedger ledger = outcome.ledger();
        run.counter(DUAL_PRIMARY_MS, dualPrimaryMs(ledger.commits));
        run.counter(CONFLICTING, conflicting(ledger.commits));
        run.counter(FAILOVERS, ledger.promotions.size());
        run.counter(FALSE, falseFailovers(ledger, detectionNanos));
        run.counter(DISCARDED, ledger.discarded);
        run.counter(FAULT_PREFIX + outcome.faults().kind().label(), 1);
        run.stratum(outcome.faults().kind().label());
        List<Operation> writes = Operations.of(outcome.result().history()).stream()
                .filter(op -> op.f().equals(ReplClient.WRITE) && op.status() == Status.OK)
                .toList();
        run.counter(ACKNOWLEDGED, writes.size());
        countLost(writes, outcome, run);
        countOutages(writes, ledger, detectionNanos, run);
        run.finding("fault: " + outcome.faults().describe() + "; promotions " + describe(ledger.promotions)
                + "; final primary " + outcome.finalPrimary());
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        if (options.keepHistory()) {
            run.history(outcome.result().history());
        }
        return run.build();
    }

    private static long dualPrimaryMs(List<FailoverLedger.Commit> commits) {
        Map<NodeId, BitSet> serving = new HashMap<>();
        Map<NodeId, Long> lastMs = new HashMap<>();
        for (FailoverLedger.Commit commit : commits) {
            long ms = commit.atNanos() / MS;
            BitSet bits = serving.computeIfAbsent(commit.node(), any -> new BitSet());
            Long previous = lastMs.put(commit.node(), ms);
            if (previous != null && ms - previous <= SERVING_GAP_MS && ms >= previous) {
                bits.set(Math.toIntExact(previous), Math.toIntExact(ms) + 1);
            } else {
                bits.set(Math.toIntExact(ms));
            }
        }
        List<BitSet> all = new ArrayList<>(serving.values());
        long dual = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                BitSet both = (BitSet) all.get(i).clone();
                both.and(all.get(j));
                dual += both.cardinality();
            }
        }
        return dual;
    }

    private static long conflicting(List<FailoverLedger.Commit> commits) {
        Map<Long, Set<NodeId>> byPosition = new HashMap<>();
        commits.forEach(c ->
                byPosition.computeIfAbsent(c.position(), any -> new HashSet<>()).add(c.node()));
        return byPosition.values().stream().filter(nodes -> nodes.size() > 1).count();
    }

    private static long falseFailovers(FailoverLedger ledger, long detectionNanos) {
        long count = 0;
        NodeId replaced = FailoverCluster.PRIMARY;
        for (FailoverLedger.Promotion promotion : ledger.promotions) {
            NodeId old = replaced;
            long from = promotion.atNanos() - detectionNanos;
            boolean serving = ledger.commits.stream()
                    .anyMatch(c -> c.node().equals(old) && c.atNanos() >= from && c.atNanos() <= promotion.atNanos());
            count += serving ? 1 : 0;
            replaced = promotion.node();
        }
        return count;
    }

    private static void countLost(List<Operation> writes, FailoverScenario.Outcome outcome, SeedRun.Builder run) {
        int examples = 0;
        long lost = 0;
        for (Operation op : writes) {
            String value = (String) op.output();
            if (outcome.kept().contains(value)) {
                continue;
            }
            lost++;
            run.flagOperation(op.id(), value + " was acknowledged and is not in the final primary's log");
            if (examples++ < EXAMPLES_MAX) {
                run.finding("lost: %s=%s acknowledged at %.4f s, not in %s's log at the end"
                        .formatted(op.key(), value, op.completeTimeNanos() / 1e9, outcome.finalPrimary()));
            }
        }
        run.counter(LOST, lost);
    }

    private static void countOutages(
            List<Operation> writes, FailoverLedger ledger, long detectionNanos, SeedRun.Builder run) {
        List<Long> acks =
                writes.stream().map(Operation::completeTimeNanos).sorted().toList();
        long unavailable = 0;
        long missed = 0;
        for (int i = 1; i < acks.size(); i++) {
            long from = acks.get(i - 1);
            long to = acks.get(i);
            if (to - from <= SERVING_GAP_MS * MS) {
                continue;
            }
            unavailable += (to - from) / MS;
            boolean promoted = ledger.promotions.stream().anyMatch(p -> p.atNanos() >= from && p.atNanos() <= to);
            if (to - from > 2 * detectionNanos && !promoted) {
                missed++;
                run.finding("missed failover: no write acknowledged from %.3f s to %.3f s, and no promotion"
                        .formatted(from / 1e9, to / 1e9));
            }
        }
        run.counter(UNAVAILABLE_MS, unavailable);
        run.counter(MISSED, missed);
    }

    private static String describe(List<FailoverLedger.Promotion> promotions) {
        if (promotions.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        promotions.forEach(p -> text.append(text.isEmpty() ? "" : ", ")
                .append(p.node())
                .append(" at ")
                .append("%.3f s".formatted(p.atNanos() / 1e9)));
        return text.toString();
    }
}
