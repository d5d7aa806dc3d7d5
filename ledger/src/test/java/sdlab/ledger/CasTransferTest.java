package sdlab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.client.Outcome;

/** The compare-and-set transfer step by step: what it sends, and what it does when it loses a race. */
class CasTransferTest {
    private final CasTransfer transfer = new CasTransfer(new Transfer(0, 1, 30, 100), new Tags("c1"), 2);

    @Test
    void aDebitIsConditionalOnExactlyTheBalanceItRead() {
        // Shows: the debit's compare-and-set expects the stored value the read returned, tag included.
        assertThat(transfer.start(0)).isEqualTo(new Step.Call("read", "a0", null));
        Step debit = transfer.next(Outcome.ok("50@x-7"), 1);
        assertThat(debit).isEqualTo(new Step.Call("cas", "a0", List.of("50@x-7", "20@c1-1")));
    }

    @Test
    void aLostRaceReadsAgainAndGivesUpCleanlyAfterTheBound() {
        // Shows: a failed compare-and-set means another writer got there first: read again, and after the bound
        // the transfer fails definitely, since nothing of it was applied.
        transfer.start(0);
        transfer.next(Outcome.ok(null), 1);
        assertThat(transfer.next(Outcome.fail("cas found 70@y-1"), 2)).isEqualTo(new Step.Call("read", "a0", null));
        transfer.next(Outcome.ok("70@y-1"), 3);
        transfer.next(Outcome.fail("cas found 40@z-1"), 4);
        transfer.next(Outcome.ok("40@z-1"), 5);
        Step last = transfer.next(Outcome.fail("cas found 10@w-1"), 6);
        assertThat(last).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) last).outcome()).isInstanceOf(Outcome.Fail.class);
    }

    @Test
    void aBalanceThatDoesNotCoverTheAmountIsDeclined() {
        // Shows: a read of 20 for a transfer of 30 ends the transfer with the definite "declined" answer.
        transfer.start(0);
        Step step = transfer.next(Outcome.ok("20@x-1"), 1);
        assertThat(step).isEqualTo(new Step.Done(Outcome.fail(Transfer.DECLINED)));
    }

    @Test
    void aCreditInDoubtLeavesTheTransferInDoubt() {
        // Shows: after the debit applied, a credit whose outcome is unknown makes the transfer unknown, never failed.
        transfer.start(0);
        transfer.next(Outcome.ok(null), 1);
        transfer.next(Outcome.ok(List.of()), 2);
        transfer.next(Outcome.ok("100@y-2"), 3);
        Step end = transfer.next(Outcome.unknown("timed out"), 4);
        assertThat(((Step.Done) end).outcome()).isInstanceOf(Outcome.Unknown.class);
    }
}
