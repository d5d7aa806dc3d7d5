package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.init;
import static sdlab.txlog.TxWorld.produce;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.txlog.TxLogMessages.ProduceOk;
import sdlab.txlog.TxLogMessages.ProduceRefused;

/** An idempotent producer's retries are written once; a sequence gap is refused. */
class IdempotenceTest {

    @Test
    void aRetriedBatchIsAnsweredWithItsOriginalOffsetsAndWrittenOnce() {
        Script producer = new Script(List.of(
                init(1, 1, null, 0),
                produce(10, 2, P0, 0, 0, 0, false, "a", "b"),
                produce(12, 3, P0, 0, 0, 2, false, "c"),
                // The answer to request 2 was "lost": the producer sends the same batch again, twice.
                produce(14, 4, P0, 0, 0, 0, false, "a", "b"),
                produce(14, 5, P0, 0, 0, 0, false, "a", "b")));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("c0", producer), 100);

        assertThat(producer.answer(2)).isEqualTo(new ProduceOk(2, 0, false));
        assertThat(producer.answer(4)).isEqualTo(new ProduceOk(4, 0, true));
        assertThat(producer.answer(5)).isEqualTo(new ProduceOk(5, 0, true));
        assertThat(broker.records(P0)).extracting(LogRecord::value).containsExactly("a", "b", "c");
    }

    @Test
    void aSequenceGapIsRefusedAsOutOfOrderAndNothingIsWritten() {
        Script producer = new Script(List.of(
                init(1, 1, null, 0), produce(10, 2, P0, 0, 0, 0, false, "a"), produce(12, 3, P0, 0, 0, 5, false, "x")));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("c0", producer), 100);

        assertThat(producer.answer(3)).isEqualTo(new ProduceRefused(3, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER));
        assertThat(broker.records(P0)).extracting(LogRecord::value).containsExactly("a");
    }

    @Test
    void onlyTheLastFiveBatchesAreRememberedSoAnOlderRetryIsRefused() {
        Script producer = new Script(List.of(
                init(1, 1, null, 0),
                produce(10, 10, P0, 0, 0, 0, false, "s0"),
                produce(11, 11, P0, 0, 0, 1, false, "s1"),
                produce(12, 12, P0, 0, 0, 2, false, "s2"),
                produce(13, 13, P0, 0, 0, 3, false, "s3"),
                produce(14, 14, P0, 0, 0, 4, false, "s4"),
                produce(15, 15, P0, 0, 0, 5, false, "s5"),
                produce(20, 20, P0, 0, 0, 1, false, "s1"),
                produce(21, 21, P0, 0, 0, 0, false, "s0")));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("c0", producer), 100);

        assertThat(producer.answer(20)).isEqualTo(new ProduceOk(20, 1, true));
        assertThat(producer.answer(21)).isEqualTo(new ProduceRefused(21, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER));
        assertThat(broker.records(P0)).hasSize(6);
    }

    @Test
    void twoProducersGetDifferentIdsAndEachHasItsOwnSequences() {
        Script first = new Script(List.of(init(1, 1, null, 0), produce(10, 2, P0, 0, 0, 0, false, "x")));
        Script second = new Script(List.of(init(3, 1, null, 0), produce(10, 2, P0, 1, 0, 0, false, "y")));
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("c0", first, "c1", second), 100);

        assertThat(first.answer(1)).isEqualTo(new TxLogMessages.InitProducerIdOk(1, 0, (short) 0));
        assertThat(second.answer(1)).isEqualTo(new TxLogMessages.InitProducerIdOk(1, 1, (short) 0));
        assertThat(broker.records(P0)).extracting(LogRecord::value).containsExactlyInAnyOrder("x", "y");
    }
}
