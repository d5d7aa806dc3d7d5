package sdlab.ledger;

import java.util.List;

/**
 * What the ledger checker found in one run.
 *
 * @param transfers transfers invoked
 * @param transfersOk transfers acknowledged
 * @param transfersDeclined transfers refused for want of funds: a correct, definite answer
 * @param transfersFailed transfers that certainly did not apply for another reason (unavailable)
 * @param transfersInDoubt transfers whose outcome is unknown: a write may or may not have applied
 * @param moneyInDoubt the amounts of the transfers in doubt
 * @param audited whether an audit read every balance after the last transfer ended
 * @param moneyChange the audited total less the starting total: money created (above 0) or destroyed
 * @param negativeBalances audited balances below zero, plus balance reads below zero
 * @param doubleSpends acknowledged debits of an account computed from a balance another acknowledged debit was
 *     computed from too
 * @param staleReads balance reads that returned a balance already replaced by an acknowledged write when the read
 *     began
 * @param latenciesNanos the acknowledged transfers' latencies
 * @param messagesOfTransfersOk the messages the clients sent to the store for the acknowledged transfers
 * @param examples a few findings in words, for the report
 */
public record LedgerVerdict(
        int transfers,
        int transfersOk,
        int transfersDeclined,
        int transfersFailed,
        int transfersInDoubt,
        long moneyInDoubt,
        boolean audited,
        long moneyChange,
        int negativeBalances,
        int doubleSpends,
        int staleReads,
        List<Long> latenciesNanos,
        long messagesOfTransfersOk,
        List<String> examples) {

    /** Money created, or destroyed beyond what the transfers in doubt can explain (a debit whose credit never landed). */
    public long moneyUnexplained() {
        if (moneyChange > 0) {
            return moneyChange;
        }
        return Math.max(0, -moneyChange - moneyInDoubt);
    }

    /** Whether the audited total equals the starting total. */
    public boolean moneyConserved() {
        return audited && moneyChange == 0;
    }

    /** The share of transfers that got a definite answer (done or declined). */
    public double availability() {
        return transfers == 0 ? 1.0 : (double) (transfersOk + transfersDeclined) / transfers;
    }
}
