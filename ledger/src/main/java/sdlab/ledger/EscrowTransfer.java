package sdlab.ledger;

import sdlab.core.client.Outcome;

/**
 * A transfer against the client's own escrow budget: the payer's share held by this client must
 * cover the amount; the client lowers its net change of the payer's account and raises its net
 * change of the payee's (money it received it may spend again), then writes both of its own keys.
 * Each key has one writer, which writes its running total, so a later write repairs an earlier
 * one that was lost; an account's balance is its start plus every client's net change.
 */
final class EscrowTransfer implements LedgerTask {
    private final Transfer transfer;
    private final EscrowBudgets budgets;
    private final Tags tags;
    private boolean debitWritten;
    private boolean unsettled;

    EscrowTransfer(Transfer transfer, EscrowBudgets budgets, Tags tags) {
        this.transfer = transfer;
        this.budgets = budgets;
        this.tags = tags;
    }

    @Override
    public Step start(long nowNanos) {
        if (!budgets.covers(transfer.from(), transfer.amount())) {
            return new Step.Done(Outcome.fail(Transfer.DECLINED));
        }
        budgets.move(transfer.from(), transfer.to(), transfer.amount());
        return write(transfer.from());
    }

    @Override
    public Step next(Outcome outcome, long nowNanos) {
        // The budgets already moved: a write in doubt is repeated by the next write of its key (running totals).
        unsettled |= !(outcome instanceof Outcome.Ok);
        if (!debitWritten) {
            debitWritten = true;
            return write(transfer.to());
        }
        return new Step.Done(
                unsettled
                        ? Outcome.unknown("a net change was not certainly written; a later write repeats it")
                        : Outcome.ok(new TransferReport().toMap()));
    }

    private Step write(int account) {
        Balance net = new Balance(budgets.netChange(account), tags.next());
        return new Step.Call("write", LedgerConfig.escrowKey(account, budgets.process()), net.encode());
    }
}
