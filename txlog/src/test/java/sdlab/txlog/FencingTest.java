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
import sdlab.txlog.TxLogMessages.InitProducerIdOk;
import sdlab.txlog.TxLogMessages.ProduceRefused;
import sdlab.txlog.TxLogMessages.TxnRefused;

/**
 * A zombie (an instance of a transactional producer that a newer instance replaced) can neither write nor commit:
 * the new instance's InitProducerId bumps the epoch and aborts what the zombie left open.
 */
class FencingTest {

    @Test
    void aFencedZombieCannotWriteOrCommitAndItsOpenTransactionIsAborted() {
        Script zombie = new Script(List.of(
                init(1, 1, "job", 60_000),
                add(10, 2, "job", 0, 0, P0),
                produce(15, 3, P0, 0, 0, 0, true, "zombie-1"),
                // The new instance starts at 20 ms; the zombie, paused meanwhile, goes on at 40 ms.
                produce(40, 4, P0, 0, 0, 1, true, "zombie-2"),
                end(41, 5, "job", 0, 0, true)));
        Script successor = new Script(List.of(
                init(20, 1, "job", 60_000),
                add(30, 2, "job", 0, 1, P0),
                produce(35, 3, P0, 0, 1, 0, true, "new-1"),
                end(50, 4, "job", 0, 1, true)));
        Script reader = new Script(List.of(fetch(80, 1, P0, 0, IsolationLevel.READ_COMMITTED)));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("z", zombie, "n", successor, "r", reader), 200);

        assertThat(successor.answer(1)).isEqualTo(new InitProducerIdOk(1, 0, (short) 1));
        assertThat(zombie.answer(4)).isEqualTo(new ProduceRefused(4, ErrorCode.INVALID_PRODUCER_EPOCH));
        assertThat(zombie.answer(5)).isEqualTo(new TxnRefused(5, ErrorCode.INVALID_PRODUCER_EPOCH));
        assertThat(broker.transactionState("job")).contains(TxnState.COMPLETE_COMMIT);
        assertThat(((FetchOk) reader.answer(1)).records())
                .extracting(LogRecord::value)
                .containsExactly("new-1");
        assertThat(broker.records(P0))
                .extracting(LogRecord::control)
                .containsExactly(
                        LogRecord.Control.NONE,
                        LogRecord.Control.ABORT,
                        LogRecord.Control.NONE,
                        LogRecord.Control.COMMIT);
    }
}
