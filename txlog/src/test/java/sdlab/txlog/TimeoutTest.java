package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.add;
import static sdlab.txlog.TxWorld.end;
import static sdlab.txlog.TxWorld.fetch;
import static sdlab.txlog.TxWorld.init;
import static sdlab.txlog.TxWorld.produce;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.TxnRefused;

/**
 * A transaction left open past its timeout is aborted by the coordinator, with a new epoch: its producer's late
 * commit is refused, and the open transaction stops holding the last stable offset back.
 */
class TimeoutTest {

    @Test
    void aTransactionPastItsTimeoutIsAbortedAndItsLateCommitRefused() {
        Script slow = new Script(List.of(
                init(1, 1, "slow", 50),
                add(10, 2, "slow", 0, 0, P0),
                produce(15, 3, P0, 0, 0, 0, true, "late-1"),
                end(200, 4, "slow", 0, 0, true)));
        Script reader = new Script(List.of(
                fetch(40, 1, P0, 0, IsolationLevel.READ_COMMITTED),
                fetch(150, 2, P0, 0, IsolationLevel.READ_COMMITTED)));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("slow", slow, "r", reader), 300);

        FetchOk whileOpen = (FetchOk) reader.answer(1);
        FetchOk afterAbort = (FetchOk) reader.answer(2);
        assertThat(whileOpen.lastStableOffset()).isZero();
        assertThat(afterAbort.lastStableOffset()).isEqualTo(2);
        assertThat(afterAbort.records()).isEmpty();
        assertThat(broker.transactionState("slow")).contains(TxnState.COMPLETE_ABORT);
        assertThat(slow.answer(4)).isEqualTo(new TxnRefused(4, ErrorCode.INVALID_PRODUCER_EPOCH));
    }
}
