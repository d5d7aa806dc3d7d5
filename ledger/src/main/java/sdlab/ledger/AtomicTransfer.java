package sdlab.ledger;

import java.util.List;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.TxnRequest;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.client.Outcome;

/**
 * A transfer the server makes: one transaction, "if the payer holds at least the amount, add
 * minus the amount to its balance and the amount to the payee's", whose new balances the state
 * machine computes when the entry applies, with the tags of both new balances written beside
 * them. No balance is read on the client, so there is no race to lose and nothing to retry but
 * the command itself, which the Raft client retries under its session so that it applies once.
 * The transaction reports what both balances and tags were just before it: that is the balance
 * the debit was computed from, which the checker needs to look for double spends.
 *
 * <p>Why a transaction and not a dedicated "transfer" command of the state machine: the
 * conditions and adds say everything a transfer needs, the same command serves any other
 * all-or-nothing write (the accounts' opening is one), and the state machine stays a key-value
 * store that knows nothing of money.
 */
final class AtomicTransfer implements LedgerTask {
    private final Transfer transfer;
    private final Tags tags;
    private final AccountOpening opening;
    private final TransferReport report;
    private String fromTag;
    private String toTag;
    private long sentNanos;

    AtomicTransfer(Transfer transfer, Tags tags, AccountOpening opening) {
        this.transfer = transfer;
        this.tags = tags;
        this.opening = opening;
        this.report = TransferReport.of(transfer);
    }

    @Override
    public Step start(long nowNanos) {
        return opening.isOpen() ? move(nowNanos) : opening.call();
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        if (!opening.isOpen()) {
            return opening.answered(outcome)
                    ? move(nowNanos)
                    : new Step.Done(Outcome.fail("could not open the accounts; nothing was moved"));
        }
        return switch (outcome) {
            case Outcome.Ok ok when ok.value() instanceof TxnResult result -> finish(result, nowNanos);
            case Outcome.Ok other -> throw new IllegalStateException("a transaction answered " + other);
            case Outcome.Fail fail -> new Step.Done(Outcome.fail("the store refused the transfer: " + fail.reason()));
            case Outcome.Unknown unknown -> new Step.Done(Outcome.unknown("the transfer may or may not have applied"));
        };
    }

    private Step move(long nowNanos) {
        sentNanos = nowNanos;
        fromTag = tags.next();
        toTag = tags.next();
        String from = LedgerConfig.accountKey(transfer.from());
        String to = LedgerConfig.accountKey(transfer.to());
        List<Command.Mutation> writes = List.of(
                new Command.Add(from, -transfer.amount()),
                new Command.SetValue(LedgerConfig.tagKey(transfer.from()), fromTag),
                new Command.Add(to, transfer.amount()),
                new Command.SetValue(LedgerConfig.tagKey(transfer.to()), toTag));
        return new Step.Call(
                "txn", null, new TxnRequest(List.of(new Command.AtLeast(from, transfer.amount())), writes));
    }

    private Step finish(TxnResult result, long nowNanos) {
        Balance from = seen(result, transfer.from());
        Balance to = seen(result, transfer.to());
        if (!result.succeeded()) {
            return new Step.Done(Outcome.fail(Transfer.DECLINED));
        }
        // The transaction read and wrote both balances at one point between its sending and its answer.
        report.put(TransferReport.FROM_SEEN, from.tag())
                .put(TransferReport.FROM_SEEN_AMOUNT, from.amount())
                .put(TransferReport.FROM_READ_AT, sentNanos)
                .put(TransferReport.TO_SEEN, to.tag())
                .put(TransferReport.TO_SEEN_AMOUNT, to.amount())
                .put(TransferReport.TO_READ_AT, sentNanos)
                .put(TransferReport.FROM_WROTE, fromTag)
                .put(TransferReport.FROM_WRITTEN_AT, nowNanos)
                .put(TransferReport.TO_WROTE, toTag)
                .put(TransferReport.TO_WRITTEN_AT, nowNanos);
        return new Step.Done(Outcome.ok(report.toMap()));
    }

    /** The balance of {@code account} just before the transaction, with the tag kept beside it. */
    private Balance seen(TxnResult result, int account) {
        Object amount = result.before(LedgerConfig.accountKey(account));
        Object tag = result.before(LedgerConfig.tagKey(account));
        long value = amount == null ? transfer.initialBalance() : (Long) amount;
        return new Balance(value, tag == null ? Balance.INITIAL_TAG : tag.toString());
    }
}
