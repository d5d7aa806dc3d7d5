package sdlab.chapters.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.ledger.Ledger;
import sdlab.check.ledger.LedgerReport;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.ledger.LedgerClient;

/**
 * A second verdict on a run, from a checker written for another purpose: the history recast as
 * Jepsen's bank workload ({@code transfer [id from to amount]}, audits as {@code read} of every
 * balance) and judged by {@link Ledger}, which knows nothing of tags or of how transfers were
 * written. It counts a balance total that changed, a negative balance, and a balance no
 * application of the transfers at most once could produce.
 */
public final class BankCheck {
    private BankCheck() {}

    public static LedgerReport check(History history, int accounts, long initialBalance) {
        List<Op> bank = new ArrayList<>();
        Map<Integer, Integer> openByProcess = new HashMap<>();
        for (int i = 0; i < history.ops().size(); i++) {
            Op op = history.ops().get(i);
            if (op.f().equals(LedgerClient.AUDIT)) {
                Object value = op.type() == OpType.OK ? balances(op.value()) : null;
                bank.add(new Op(op.process(), op.type(), "read", null, value, op.timeNanos(), op.error()));
                continue;
            }
            // The transfer's id is its invocation's place in the history, shared by its completion.
            int invokeAt = op.type() == OpType.INVOKE ? i : openByProcess.get(op.process());
            if (op.type() == OpType.INVOKE) {
                openByProcess.put(op.process(), i);
            }
            List<?> parts = (List<?>) history.ops().get(invokeAt).value();
            List<Object> value = List.of(
                    (long) invokeAt,
                    account(((Number) parts.get(0)).intValue()),
                    account(((Number) parts.get(1)).intValue()),
                    ((Number) parts.get(2)).longValue());
            bank.add(new Op(op.process(), op.type(), "transfer", null, value, op.timeNanos(), op.error()));
        }
        Map<String, Long> initial = new LinkedHashMap<>();
        for (int account = 0; account < accounts; account++) {
            initial.put(account(account), initialBalance);
        }
        return Ledger.check(new History(bank), initial);
    }

    private static List<List<Object>> balances(Object auditResult) {
        List<?> amounts = (List<?>) ((Map<?, ?>) auditResult).get(LedgerClient.AUDIT_BALANCES);
        List<List<Object>> pairs = new ArrayList<>();
        for (int account = 0; account < amounts.size(); account++) {
            pairs.add(List.of(account(account), amounts.get(account)));
        }
        return pairs;
    }

    private static String account(int account) {
        return "a" + account;
    }
}
