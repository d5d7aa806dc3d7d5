package sdlab.check.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sdlab.check.Verdict;
import sdlab.check.history.MalformedHistoryException;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.check.history.Values;
import sdlab.core.history.History;

/**
 * Checks the invariants of a bank ledger, in the spirit of Jepsen's bank workload.
 *
 * <p>The history's operations:
 *
 * <ul>
 *   <li>{@code transfer [id from to amount]}: moves {@code amount} from account {@code from} to
 *       account {@code to}; {@code id} names the transfer, unique per transfer (retries of the
 *       same transfer keep its id).
 *   <li>{@code read}: returns every account's balance as {@code [[account balance] ...]}.
 *   <li>{@code entries} (optional): returns the ids of the transfers the ledger has applied.
 * </ul>
 *
 * <p>Invariants, each judged on ok reads: the balances add up to the initial total; no balance
 * is negative; each balance lies within what applying every transfer begun before the read
 * ended at most once could produce (a balance beyond it proves a transfer applied twice, or
 * money from nowhere); the entries list no transfer twice, none that failed, and none nobody had
 * begun. Failed transfers certainly did not apply; unknown ones may have. A pure function.
 */
public final class Ledger {
    /** How many violations a report keeps as examples. */
    public static final int EXAMPLES_MAX = 5;

    private Ledger() {}

    /** Checks {@code history} given each account's balance before it ({@code initialBalances}). */
    public static LedgerReport check(History history, Map<String, Long> initialBalances) {
        return check(Operations.of(history), initialBalances);
    }

    /** Checks already paired operations (as {@link Operations#of} returns them). */
    public static LedgerReport check(List<Operation> ops, Map<String, Long> initialBalances) {
        List<Transfer> possible = new ArrayList<>();
        Set<Object> failedIds = new HashSet<>();
        for (Operation op : ops) {
            if (op.f().equals("transfer")) {
                Transfer t = Transfer.of(op);
                if (op.status() == Status.FAIL) {
                    failedIds.add(t.id());
                } else {
                    possible.add(t);
                }
            }
        }
        List<LedgerViolation> found = new ArrayList<>();
        List<Operation> reads = ops.stream()
                .filter(op -> op.status() == Status.OK
                        && (op.f().equals("read") || op.f().equals("entries")))
                .sorted(Comparator.comparingInt(Operation::completeIndex))
                .toList();
        Reachable reachable = new Reachable(initialBalances, possible);
        for (Operation read : reads) {
            reachable.advanceTo(read.completeIndex());
            if (read.f().equals("read")) {
                checkBalances(read, initialBalances, reachable, found);
            } else {
                checkEntries(read, reachable.begunIds(), failedIds, found);
            }
        }
        return report(reads.size(), found);
    }

    private static void checkBalances(
            Operation read, Map<String, Long> initial, Reachable reachable, List<LedgerViolation> found) {
        Map<String, Long> balances = balances(read);
        long total = balances.values().stream().mapToLong(Long::longValue).sum();
        long expected = initial.values().stream().mapToLong(Long::longValue).sum();
        if (total != expected) {
            found.add(new LedgerViolation(
                    LedgerViolation.Kind.TOTAL_CHANGED,
                    read.id(),
                    "balances add up to " + total + ", not " + expected));
        }
        balances.forEach((account, balance) -> {
            if (balance < 0) {
                found.add(new LedgerViolation(
                        LedgerViolation.Kind.NEGATIVE_BALANCE,
                        read.id(),
                        "account " + account + " has balance " + balance));
            }
            long low = reachable.lowest(account);
            long high = reachable.highest(account);
            if (balance < low || balance > high) {
                found.add(new LedgerViolation(
                        LedgerViolation.Kind.BALANCE_UNREACHABLE,
                        read.id(),
                        "account " + account + " has balance " + balance + ", outside [" + low + ", " + high
                                + "] that applying each transfer at most once allows"));
            }
        });
    }

    private static void checkEntries(
            Operation read, Set<Object> begun, Set<Object> failedIds, List<LedgerViolation> found) {
        if (!(read.output() instanceof List<?> ids)) {
            throw badValue(read, "a list of transfer ids");
        }
        Set<Object> seen = new HashSet<>();
        for (Object id : ids) {
            String shown = Values.format(id);
            if (!seen.add(id)) {
                found.add(new LedgerViolation(
                        LedgerViolation.Kind.TRANSFER_APPLIED_TWICE,
                        read.id(),
                        "transfer " + shown + " is in the ledger twice"));
            } else if (!begun.contains(id) && failedIds.contains(id)) {
                found.add(new LedgerViolation(
                        LedgerViolation.Kind.FAILED_TRANSFER_APPLIED,
                        read.id(),
                        "transfer " + shown + " failed but is in the ledger"));
            } else if (!begun.contains(id)) {
                found.add(new LedgerViolation(
                        LedgerViolation.Kind.UNKNOWN_TRANSFER_APPLIED,
                        read.id(),
                        "transfer " + shown + " is in the ledger but nobody had begun it"));
            }
        }
    }

    private static Map<String, Long> balances(Operation read) {
        Map<String, Long> balances = new HashMap<>();
        if (!(read.output() instanceof List<?> pairs)) {
            throw badValue(read, "[[account balance] ...]");
        }
        for (Object pair : pairs) {
            if (!(pair instanceof List<?> p) || p.size() != 2 || !(p.get(1) instanceof Long balance)) {
                throw badValue(read, "[[account balance] ...]");
            }
            balances.put(String.valueOf(p.get(0)), balance);
        }
        return balances;
    }

    private static MalformedHistoryException badValue(Operation read, String expected) {
        return new MalformedHistoryException(
                0,
                "history entry " + (read.completeIndex() + 1) + ": :" + read.f() + " must return " + expected
                        + ", found " + Values.format(read.output()));
    }

    private static LedgerReport report(int reads, List<LedgerViolation> found) {
        Map<LedgerViolation.Kind, Integer> counts = new EnumMap<>(LedgerViolation.Kind.class);
        found.forEach(v -> counts.merge(v.kind(), 1, Integer::sum));
        Verdict verdict = found.isEmpty() ? Verdict.VALID : Verdict.INVALID;
        List<LedgerViolation> examples = found.stream()
                .sorted(Comparator.comparingInt(LedgerViolation::opId))
                .limit(EXAMPLES_MAX)
                .toList();
        return new LedgerReport(verdict, reads, counts, examples);
    }
}
