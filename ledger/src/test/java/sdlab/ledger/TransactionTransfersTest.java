package sdlab.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.consensus.raft.Command;
import sdlab.consensus.raft.Command.KeyValue;
import sdlab.consensus.raft.TxnRequest;
import sdlab.consensus.raft.TxnResult;
import sdlab.core.client.Outcome;

/** The two transfers made of transactions, step by step: what they send, and what they make of the answers. */
class TransactionTransfersTest {
    private static final LedgerConfig CONFIG =
            new LedgerConfig(3, 100, 4, TransferWay.ATOMIC, 2, 0, LedgerConfig.StoreBug.NONE);

    private static TxnResult applied(boolean succeeded, List<KeyValue> before) {
        return new TxnResult(succeeded, succeeded ? TxnResult.NONE_FAILED : 0, before);
    }

    @Test
    void theAtomicTransferOpensTheAccountsOnceThenSendsOneConditionalMove() {
        // Shows: the first transfer of a client life opens the accounts (create-if-absent), and every
        // transfer is then one transaction: at least the amount on the payer, adds computed by the server.
        AccountOpening opening = new AccountOpening(CONFIG);
        AtomicTransfer first = new AtomicTransfer(new Transfer(0, 2, 30, 100), new Tags("c1"), opening);

        Step open = first.start(0);
        assertThat(open).isEqualTo(opening.call());
        Step move = first.next(Outcome.ok(applied(false, List.of())), 1); // found open by another client

        TxnRequest request = (TxnRequest) ((Step.Call) move).value();
        assertThat(request.conditions()).containsExactly(new Command.AtLeast("a0", 30));
        assertThat(request.writes())
                .containsExactly(
                        new Command.Add("a0", -30),
                        new Command.SetValue("a0.tag", "c1-1"),
                        new Command.Add("a2", 30),
                        new Command.SetValue("a2.tag", "c1-2"));
        AtomicTransfer second = new AtomicTransfer(new Transfer(1, 2, 5, 100), new Tags("c1"), opening);
        assertThat(((Step.Call) second.start(2)).value()).isInstanceOf(TxnRequest.class);
        assertThat(opening.isOpen()).isTrue();
    }

    @Test
    void theAtomicTransferReportsTheBalancesTheServerDebitedAndCreditedFrom() {
        // Shows: the report's "seen" balances are what the transaction found, so the checker can look for two
        // debits computed from one balance; a failed condition is the definite "declined".
        AccountOpening opening = new AccountOpening(CONFIG);
        opening.answered(Outcome.ok(applied(true, List.of())));
        AtomicTransfer transfer = new AtomicTransfer(new Transfer(0, 1, 30, 100), new Tags("c1"), opening);
        transfer.start(5);

        Step done = transfer.next(
                Outcome.ok(applied(
                        true,
                        List.of(
                                new KeyValue("a0", 70L),
                                new KeyValue("a0.tag", "c2-4"),
                                new KeyValue("a1", 100L),
                                new KeyValue("a1.tag", null)))),
                9);

        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) ((Outcome.Ok) ((Step.Done) done).outcome()).value();
        assertThat(report)
                .containsEntry(TransferReport.FROM_SEEN, "c2-4")
                .containsEntry(TransferReport.FROM_SEEN_AMOUNT, 70L)
                .containsEntry(TransferReport.TO_SEEN, Balance.INITIAL_TAG)
                .containsEntry(TransferReport.FROM_WROTE, "c1-1")
                .containsEntry(TransferReport.FROM_READ_AT, 5L)
                .containsEntry(TransferReport.TO_WRITTEN_AT, 9L);
        AtomicTransfer poor = new AtomicTransfer(new Transfer(0, 1, 90, 100), new Tags("c1"), opening);
        poor.start(10);
        assertThat(poor.next(Outcome.ok(applied(false, List.of(new KeyValue("a0", 40L)))), 11))
                .isEqualTo(new Step.Done(Outcome.fail(Transfer.DECLINED)));
    }

    @Test
    void theClientBuiltTransactionRetriesFromWhatTheFailedOneFoundWithoutReadingAgain() {
        // Shows: conditions on exactly the values read (absent for a key never written); a lost race is
        // answered with the balances now, from which the next transaction is computed at once.
        TxnRetryTransfer transfer = new TxnRetryTransfer(new Transfer(0, 1, 30, 100), new Tags("c1"), 2);
        transfer.start(0);
        transfer.next(Outcome.ok("50@x-7"), 1);
        Step first = transfer.next(Outcome.ok(null), 2);

        TxnRequest request = (TxnRequest) ((Step.Call) first).value();
        assertThat(request.conditions())
                .containsExactly(new Command.ValueEquals("a0", "50@x-7"), new Command.Absent("a1"));
        assertThat(request.writes())
                .containsExactly(new Command.SetValue("a0", "20@c1-1"), new Command.SetValue("a1", "130@c1-2"));

        Step retry = transfer.next(
                Outcome.ok(applied(false, List.of(new KeyValue("a0", "40@y-1"), new KeyValue("a1", "5@y-2")))), 3);
        TxnRequest again = (TxnRequest) ((Step.Call) retry).value();
        assertThat(again.conditions())
                .containsExactly(new Command.ValueEquals("a0", "40@y-1"), new Command.ValueEquals("a1", "5@y-2"));
        assertThat(again.writes())
                .containsExactly(new Command.SetValue("a0", "10@c1-3"), new Command.SetValue("a1", "35@c1-4"));
        Step declined = transfer.next(
                Outcome.ok(applied(false, List.of(new KeyValue("a0", "20@z-1"), new KeyValue("a1", "5@y-2")))), 4);
        assertThat(declined).isEqualTo(new Step.Done(Outcome.fail(Transfer.DECLINED)));
    }
}
