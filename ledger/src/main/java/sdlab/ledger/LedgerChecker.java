package sdlab.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;

/**
 * Judges a ledger run from its history alone, never from the store: the clients' reports say
 * which balance each read saw and which each write replaced, and the final audit says what the
 * accounts hold. See {@link LedgerVerdict} for what it counts.
 */
public final class LedgerChecker {
    private static final int EXAMPLES_MAX = 5;

    private LedgerChecker() {}

    /** A completed ledger operation: its invocation, its completion. */
    private record Done(Op invoke, Op completion) {}

    public static LedgerVerdict check(History history, LedgerConfig config) {
        List<Done> done = pair(history);
        Tally tally = new Tally();
        List<Map<?, ?>> reports = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        Done lastAudit = null;
        long lastTransferEnd = 0;
        for (Done op : done) {
            if (op.invoke().f().equals(LedgerClient.AUDIT)) {
                if (op.completion().type() == OpType.OK
                        && (lastAudit == null || startedAt(op) > startedAt(lastAudit))) {
                    lastAudit = op;
                }
                continue;
            }
            tally.transfers++;
            lastTransferEnd = Math.max(lastTransferEnd, op.completion().timeNanos());
            switch (op.completion().type()) {
                case OK -> {
                    tally.ok++;
                    reports.add((Map<?, ?>) op.completion().value());
                    latencies.add(op.completion().timeNanos() - op.invoke().timeNanos());
                    if (op.completion().value() instanceof Map<?, ?> report
                            && report.get(TransferReport.MESSAGES) instanceof Number messages) {
                        tally.messages += messages.longValue();
                    }
                }
                case FAIL -> {
                    if (Transfer.DECLINED.equals(op.completion().error())) {
                        tally.declined++;
                    } else {
                        tally.failed++;
                    }
                }
                default -> {
                    tally.inDoubt++;
                    tally.moneyInDoubt += Transfer.of(op.invoke().value(), config.initialBalance())
                            .amount();
                }
            }
        }
        List<String> examples = new ArrayList<>();
        int doubleSpends = DebitRaces.doubleSpends(reports, examples);
        int staleReads = DebitRaces.staleReads(reports, examples);
        int negative = DebitRaces.negativeReads(reports);
        boolean audited = lastAudit != null && startedAt(lastAudit) >= lastTransferEnd;
        long change = 0;
        if (audited) {
            long total = 0;
            for (Object balance : (List<?>) ((Map<?, ?>) lastAudit.completion().value()).get(Audit.BALANCES)) {
                long amount = ((Number) balance).longValue();
                total += amount;
                negative += amount < 0 ? 1 : 0;
            }
            change = total - config.accounts() * config.initialBalance();
            if (change != 0) {
                examples.add("the audit found " + total + " in all, " + (change > 0 ? "+" : "") + change
                        + " against the start");
            }
        }
        return new LedgerVerdict(
                tally.transfers,
                tally.ok,
                tally.declined,
                tally.failed,
                tally.inDoubt,
                tally.moneyInDoubt,
                audited,
                change,
                negative,
                doubleSpends,
                staleReads,
                List.copyOf(latencies),
                tally.messages,
                List.copyOf(examples.subList(0, Math.min(EXAMPLES_MAX, examples.size()))));
    }

    private static final class Tally {
        int transfers;
        int ok;
        int declined;
        int failed;
        int inDoubt;
        long moneyInDoubt;
        long messages;
    }

    private static long startedAt(Done audit) {
        return ((Number) ((Map<?, ?>) audit.completion().value()).get(Audit.STARTED_AT)).longValue();
    }

    /** Each process runs one operation at a time, so its completion follows its invocation. */
    private static List<Done> pair(History history) {
        Map<Integer, Op> open = new HashMap<>();
        List<Done> done = new ArrayList<>();
        for (Op op : history.ops()) {
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
            } else {
                Op invoke = open.remove(op.process());
                if (invoke != null) {
                    done.add(new Done(invoke, op));
                }
            }
        }
        return done;
    }
}
