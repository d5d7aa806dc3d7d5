package sdlab.chapters.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.check.history.Operations;
import sdlab.check.txn.TxnChecker;
import sdlab.check.txn.TxnHistory;
import sdlab.check.txn.TxnModel;
import sdlab.check.txn.TxnResult;
import sdlab.core.history.History;
import sdlab.core.history.Op;
import sdlab.core.history.OpType;
import sdlab.ledger.TransferReport;
import sdlab.ledger.TransferWay;

/**
 * A third verdict, from the Elle-style checker ({@code sdlab.check.txn}, rw-register): each
 * acknowledged transfer recast as the transactions it meant to be. Read-then-write is one
 * transaction that reads both balances and writes both, as are the client-built and the atomic
 * transaction (each one log entry); cas-retry is two, one per conditional
 * write, each reading the balance it replaced. Written balances are numbered by their tags (a
 * register's values must be integers), and a balance never written reads as nil. Transfers that
 * failed or are in doubt are left out, so the verdict is only asked for runs without them.
 */
final class ElleCheck {
    private ElleCheck() {}

    /** A transaction with its real-time span and its micro-operations. */
    private record Txn(int process, long startNanos, long endNanos, List<List<Object>> ops) {}

    static TxnResult check(History history, TransferWay way) {
        Map<String, Long> numbers = new HashMap<>();
        List<Txn> txns = new ArrayList<>();
        Map<Integer, Op> open = new HashMap<>();
        for (Op op : history.ops()) {
            if (op.type() == OpType.INVOKE) {
                open.put(op.process(), op);
            } else if (op.type() == OpType.OK
                    && op.value() instanceof Map<?, ?> report
                    && report.containsKey(TransferReport.FROM_WROTE)) {
                Op invoke = open.get(op.process());
                txns.addAll(recast(report, invoke, op, way, numbers));
            }
        }
        txns.sort(Comparator.comparingLong(Txn::startNanos));
        return TxnChecker.standard().check(TxnHistory.of(Operations.of(asHistory(txns)), TxnModel.RW_REGISTER));
    }

    private static List<Txn> recast(Map<?, ?> r, Op invoke, Op ok, TransferWay way, Map<String, Long> numbers) {
        String from = "a" + r.get(TransferReport.FROM);
        String to = "a" + r.get(TransferReport.TO);
        List<Object> readFrom = micro("r", from, number(r.get(TransferReport.FROM_SEEN), numbers));
        List<Object> readTo = micro("r", to, number(r.get(TransferReport.TO_SEEN), numbers));
        List<Object> writeFrom = micro("w", from, number(r.get(TransferReport.FROM_WROTE), numbers));
        List<Object> writeTo = micro("w", to, number(r.get(TransferReport.TO_WROTE), numbers));
        if (way != TransferWay.CAS_RETRY) {
            return List.of(new Txn(
                    invoke.process(),
                    invoke.timeNanos(),
                    ok.timeNanos(),
                    List.of(readFrom, readTo, writeFrom, writeTo)));
        }
        return List.of(
                new Txn(
                        invoke.process(),
                        nanos(r, TransferReport.FROM_READ_AT),
                        nanos(r, TransferReport.FROM_WRITTEN_AT),
                        List.of(readFrom, writeFrom)),
                new Txn(
                        invoke.process(),
                        nanos(r, TransferReport.TO_READ_AT),
                        nanos(r, TransferReport.TO_WRITTEN_AT),
                        List.of(readTo, writeTo)));
    }

    /** The transactions as invocations and completions in time order, one at a time per process. */
    private static History asHistory(List<Txn> txns) {
        List<Op> events = new ArrayList<>();
        for (Txn txn : txns) {
            List<List<Object>> invoked = txn.ops().stream()
                    .map(m -> m.get(0).equals("r") ? micro("r", m.get(1), null) : m)
                    .toList();
            events.add(Op.invoke(txn.process(), "txn", null, invoked, txn.startNanos()));
            events.add(Op.ok(txn.process(), "txn", null, txn.ops(), txn.endNanos()));
        }
        // Stable: an invocation stays before its own completion when both carry the same time.
        events.sort(Comparator.comparingLong(Op::timeNanos));
        return new History(events);
    }

    private static List<Object> micro(String f, Object key, Long value) {
        List<Object> op = new ArrayList<>(3);
        op.add(f);
        op.add(key);
        op.add(value);
        return op;
    }

    private static Long number(Object tag, Map<String, Long> numbers) {
        if (tag == null || tag.equals(sdlab.ledger.Balance.INITIAL_TAG)) {
            return null;
        }
        return numbers.computeIfAbsent(tag.toString(), t -> (long) numbers.size() + 1);
    }

    private static long nanos(Map<?, ?> report, String field) {
        return ((Number) report.get(field)).longValue();
    }
}
