package sdlab.ledger;

import sdlab.core.client.Outcome;

/**
 * A transfer written as most code first writes it: read the payer's balance, check it covers the
 * amount, read the payee's, write both new balances. Nothing stops two transfers from reading the
 * same balance and both writing theirs: the store may be linearizable and the transfer still
 * spends the same money twice.
 */
final class ReadThenWriteTransfer implements LedgerTask {
    private enum Phase {
        READ_FROM,
        READ_TO,
        WRITE_FROM,
        WRITE_TO
    }

    private final Transfer transfer;
    private final Tags tags;
    private final TransferReport report;
    private Phase phase = Phase.READ_FROM;
    private Balance from;
    private Balance to;
    private long startedNanos;

    ReadThenWriteTransfer(Transfer transfer, Tags tags) {
        this.transfer = transfer;
        this.tags = tags;
        this.report = TransferReport.of(transfer);
    }

    @Override
    public Step start(long nowNanos) {
        startedNanos = nowNanos;
        return new Step.Call("read", LedgerConfig.accountKey(transfer.from()), null);
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        return switch (phase) {
            case READ_FROM -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield new Step.Done(Outcome.fail("could not read the payer's balance"));
                }
                from = Balance.decode(ok.value(), transfer.initialBalance());
                report.put(TransferReport.FROM_SEEN, from.tag())
                        .put(TransferReport.FROM_SEEN_AMOUNT, from.amount())
                        .put(TransferReport.FROM_READ_AT, startedNanos);
                if (from.amount() < transfer.amount()) {
                    yield new Step.Done(Outcome.fail(Transfer.DECLINED));
                }
                phase = Phase.READ_TO;
                startedNanos = nowNanos;
                yield new Step.Call("read", LedgerConfig.accountKey(transfer.to()), null);
            }
            case READ_TO -> {
                if (!(outcome instanceof Outcome.Ok ok)) {
                    yield new Step.Done(Outcome.fail("could not read the payee's balance"));
                }
                to = Balance.decode(ok.value(), transfer.initialBalance());
                report.put(TransferReport.TO_SEEN, to.tag())
                        .put(TransferReport.TO_SEEN_AMOUNT, to.amount())
                        .put(TransferReport.TO_READ_AT, startedNanos);
                phase = Phase.WRITE_FROM;
                yield write(transfer.from(), new Balance(from.amount() - transfer.amount(), tags.next()));
            }
            case WRITE_FROM -> {
                if (outcome instanceof Outcome.Fail) {
                    yield new Step.Done(Outcome.fail("the debit was refused"));
                }
                if (outcome instanceof Outcome.Unknown) {
                    yield new Step.Done(Outcome.unknown("the debit may or may not have applied"));
                }
                report.put(TransferReport.FROM_WRITTEN_AT, nowNanos);
                phase = Phase.WRITE_TO;
                yield write(transfer.to(), new Balance(to.amount() + transfer.amount(), tags.next()));
            }
            case WRITE_TO -> {
                if (!(outcome instanceof Outcome.Ok)) {
                    yield new Step.Done(Outcome.unknown("debited; the credit did not certainly apply"));
                }
                report.put(TransferReport.TO_WRITTEN_AT, nowNanos);
                yield new Step.Done(Outcome.ok(report.toMap()));
            }
        };
    }

    private Step write(int account, Balance balance) {
        String field = account == transfer.from() ? TransferReport.FROM_WROTE : TransferReport.TO_WROTE;
        report.put(field, balance.tag());
        return new Step.Call("write", LedgerConfig.accountKey(account), balance.encode());
    }
}
