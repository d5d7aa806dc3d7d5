package sdlab.ledger;

import java.util.Arrays;
import sdlab.core.client.Outcome;

/**
 * A transfer by conditional writes: read the payer's balance, compare-and-set it from exactly what
 * was read to the debited balance, and start over from the read when another writer got there
 * first; then credit the payee the same way. A debit applies only to the balance it was computed
 * from, so no two debits can spend the same money; between the debit and the credit the money is
 * in flight, and a credit that never lands (the client gives up) leaves it destroyed.
 */
final class CasTransfer implements LedgerTask {
    private enum Phase {
        READ_FROM,
        CAS_FROM,
        READ_TO,
        CAS_TO
    }

    private final Transfer transfer;
    private final Tags tags;
    private final int conflictRetriesMax;
    private final TransferReport report;
    private Phase phase = Phase.READ_FROM;
    private Object readValue;
    private Balance seen;
    private long readStartedNanos;
    private int conflicts;

    CasTransfer(Transfer transfer, Tags tags, int conflictRetriesMax) {
        this.transfer = transfer;
        this.tags = tags;
        this.report = TransferReport.of(transfer);
        this.conflictRetriesMax = conflictRetriesMax;
    }

    @Override
    public Step start(long nowNanos) {
        return read(transfer.from(), nowNanos);
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        return switch (phase) {
            case READ_FROM -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield new Step.Done(Outcome.fail("could not read the payer's balance"));
                }
                seen(
                        ok.value(),
                        TransferReport.FROM_SEEN,
                        TransferReport.FROM_SEEN_AMOUNT,
                        TransferReport.FROM_READ_AT);
                if (seen.amount() < transfer.amount()) {
                    yield new Step.Done(Outcome.fail(Transfer.DECLINED));
                }
                phase = Phase.CAS_FROM;
                yield cas(transfer.from(), seen.amount() - transfer.amount(), TransferReport.FROM_WROTE);
            }
            case CAS_FROM ->
                switch (outcome) {
                    case Outcome.Ok ok -> {
                        report.put(TransferReport.FROM_WRITTEN_AT, nowNanos);
                        phase = Phase.READ_TO;
                        yield read(transfer.to(), nowNanos);
                    }
                    case Outcome.Fail fail ->
                        ++conflicts > conflictRetriesMax
                                ? new Step.Done(Outcome.fail("lost " + conflicts + " races for the payer's balance"))
                                : againFrom(nowNanos);
                    case Outcome.Unknown unknown ->
                        new Step.Done(Outcome.unknown("the debit may or may not have applied"));
                };
            case READ_TO -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield creditRetry(nowNanos);
                }
                seen(ok.value(), TransferReport.TO_SEEN, TransferReport.TO_SEEN_AMOUNT, TransferReport.TO_READ_AT);
                phase = Phase.CAS_TO;
                yield cas(transfer.to(), seen.amount() + transfer.amount(), TransferReport.TO_WROTE);
            }
            case CAS_TO ->
                switch (outcome) {
                    case Outcome.Ok ok -> {
                        report.put(TransferReport.TO_WRITTEN_AT, nowNanos).put(TransferReport.CONFLICTS, conflicts);
                        yield new Step.Done(Outcome.ok(report.toMap()));
                    }
                    case Outcome.Fail fail -> creditRetry(nowNanos);
                    case Outcome.Unknown unknown ->
                        new Step.Done(Outcome.unknown("debited; the credit may or may not have applied"));
                };
        };
    }

    private Step againFrom(long nowNanos) {
        phase = Phase.READ_FROM;
        return read(transfer.from(), nowNanos);
    }

    /** The payer is already debited: the credit is retried (bounded), since giving up destroys the money. */
    private Step creditRetry(long nowNanos) {
        if (++conflicts > conflictRetriesMax * 4) {
            return new Step.Done(Outcome.unknown("debited; the credit lost " + conflicts + " races"));
        }
        phase = Phase.READ_TO;
        return read(transfer.to(), nowNanos);
    }

    private Step read(int account, long nowNanos) {
        readStartedNanos = nowNanos;
        return new Step.Call("read", LedgerConfig.accountKey(account), null);
    }

    private void seen(Object value, String tagField, String amountField, String atField) {
        readValue = value;
        seen = Balance.decode(value, transfer.initialBalance());
        report.put(tagField, seen.tag()).put(amountField, seen.amount()).put(atField, readStartedNanos);
    }

    private Step cas(int account, long amount, String wroteField) {
        Balance next = new Balance(amount, tags.next());
        report.put(wroteField, next.tag());
        return new Step.Call("cas", LedgerConfig.accountKey(account), Arrays.asList(readValue, (Object) next.encode()));
    }
}
