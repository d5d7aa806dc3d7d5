package sdlab.ledger;

import java.util.List;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.TxnRequest;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.client.Outcome;

/**
 * A transfer as one multi-key transaction built on the client, as an etcd client writes it: read
 * both balances, then "if the payer still holds exactly what I read and the payee too, write both
 * new balances". A transaction that finds either balance changed writes nothing and reports what
 * both hold now, and the client computes again from those, without another read; it declines
 * once the payer no longer covers the amount. Both balances change in one log entry, so, unlike
 * compare-and-set per key, no money is ever in flight between a debit and its credit.
 */
final class TxnRetryTransfer implements LedgerTask {
    private enum Phase {
        READ_FROM,
        READ_TO,
        TXN
    }

    private final Transfer transfer;
    private final Tags tags;
    private final int conflictRetriesMax;
    private final TransferReport report;
    private Phase phase = Phase.READ_FROM;
    private Object fromValue;
    private Object toValue;
    private long readStartedNanos;
    private int conflicts;

    TxnRetryTransfer(Transfer transfer, Tags tags, int conflictRetriesMax) {
        this.transfer = transfer;
        this.tags = tags;
        this.conflictRetriesMax = conflictRetriesMax;
        this.report = TransferReport.of(transfer);
    }

    @Override
    public Step start(long nowNanos) {
        readStartedNanos = nowNanos;
        return new Step.Call("read", LedgerConfig.accountKey(transfer.from()), null);
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        return switch (phase) {
            case READ_FROM -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield new Step.Done(Outcome.fail("could not read the payer's balance"));
                }
                fromValue = ok.value();
                phase = Phase.READ_TO;
                yield new Step.Call("read", LedgerConfig.accountKey(transfer.to()), null);
            }
            case READ_TO -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield new Step.Done(Outcome.fail("could not read the payee's balance"));
                }
                toValue = ok.value();
                yield attempt(nowNanos);
            }
            case TXN ->
                switch (outcome) {
                    case Outcome.Ok ok when ok.value() instanceof TxnResult result -> answered(result, nowNanos);
                    case Outcome.Ok other -> throw new IllegalStateException("a transaction answered " + other);
                    case Outcome.Fail fail -> new Step.Done(Outcome.fail("the store refused the transaction"));
                    case Outcome.Unknown unknown ->
                        new Step.Done(Outcome.unknown("the transaction may or may not have applied"));
                };
        };
    }

    private Step answered(TxnResult result, long nowNanos) {
        if (result.succeeded()) {
            report.put(TransferReport.FROM_WRITTEN_AT, nowNanos)
                    .put(TransferReport.TO_WRITTEN_AT, nowNanos)
                    .put(TransferReport.CONFLICTS, conflicts);
            return new Step.Done(Outcome.ok(report.toMap()));
        }
        if (++conflicts > conflictRetriesMax) {
            return new Step.Done(Outcome.fail("lost " + conflicts + " races for the balances"));
        }
        // What the failed transaction found is as fresh as a read made at its sending.
        fromValue = result.before(LedgerConfig.accountKey(transfer.from()));
        toValue = result.before(LedgerConfig.accountKey(transfer.to()));
        return attempt(nowNanos);
    }

    /** Declines if the balance read does not cover the amount, else sends the transaction conditioned on both reads. */
    private Step attempt(long nowNanos) {
        Balance from = Balance.decode(fromValue, transfer.initialBalance());
        Balance to = Balance.decode(toValue, transfer.initialBalance());
        report.put(TransferReport.FROM_SEEN, from.tag())
                .put(TransferReport.FROM_SEEN_AMOUNT, from.amount())
                .put(TransferReport.FROM_READ_AT, readStartedNanos)
                .put(TransferReport.TO_SEEN, to.tag())
                .put(TransferReport.TO_SEEN_AMOUNT, to.amount())
                .put(TransferReport.TO_READ_AT, readStartedNanos);
        if (from.amount() < transfer.amount()) {
            return new Step.Done(Outcome.fail(Transfer.DECLINED));
        }
        Balance debited = new Balance(from.amount() - transfer.amount(), tags.next());
        Balance credited = new Balance(to.amount() + transfer.amount(), tags.next());
        report.put(TransferReport.FROM_WROTE, debited.tag()).put(TransferReport.TO_WROTE, credited.tag());
        String fromKey = LedgerConfig.accountKey(transfer.from());
        String toKey = LedgerConfig.accountKey(transfer.to());
        phase = Phase.TXN;
        readStartedNanos = nowNanos;
        return new Step.Call(
                "txn",
                null,
                new TxnRequest(
                        List.of(unchanged(fromKey, fromValue), unchanged(toKey, toValue)),
                        List.of(
                                new Command.SetValue(fromKey, debited.encode()),
                                new Command.SetValue(toKey, credited.encode()))));
    }

    private static Command.Condition unchanged(String key, Object read) {
        return read == null ? new Command.Absent(key) : new Command.ValueEquals(key, read);
    }
}
