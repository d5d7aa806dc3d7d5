package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.B2;
import static sdlab.txlog.ReplicationWorld.B3;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;
import sdlab.txlog.TargetedScript.Step;
import sdlab.txlog.TxLogMessages.AddPartitionsToTxn;
import sdlab.txlog.TxLogMessages.EndTxn;
import sdlab.txlog.TxLogMessages.Fetch;
import sdlab.txlog.TxLogMessages.FetchOk;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.Produce;

/**
 * On a replicated partition a committed transaction becomes readable only once the followers have it: with both
 * followers paused (95 to 115 ms, inside the lag limit) the high watermark stays below the transaction, so neither a
 * read_uncommitted nor a read_committed reader sees it, and the last stable offset stays at or below the high
 * watermark; once they resume, both readers see it.
 */
class ReplicatedIsolationTest {

    @Test
    void aCommittedTransactionIsReadableOnlyOnceTheHighWatermarkPassesIt() {
        TargetedScript reader = run(ReplicationWorld.config(2));

        for (long request = 1; request <= 4; request++) {
            FetchOk ok = (FetchOk) reader.answer(request).response();
            assertThat(ok.lastStableOffset()).as("request %d", request).isLessThanOrEqualTo(ok.highWatermark());
        }
        assertThat(((FetchOk) reader.answer(1).response()).records()).isEmpty();
        assertThat(((FetchOk) reader.answer(2).response()).records()).isEmpty();
        assertThat(((FetchOk) reader.answer(3).response()).records())
                .extracting(LogRecord::value)
                .containsExactly("a", "b");
        assertThat(((FetchOk) reader.answer(4).response()).records())
                .extracting(LogRecord::value)
                .containsExactly("a", "b");
    }

    @Test
    void aLeaderThatMovesTheHighWatermarkAloneShowsTheTransactionBeforeTheFollowersHaveIt() {
        TargetedScript reader =
                run(ReplicationWorld.config(2).withBug(TxLogConfig.Bug.HIGH_WATERMARK_FROM_LEADER_ALONE));

        assertThat(((FetchOk) reader.answer(2).response()).records())
                .extracting(LogRecord::value)
                .containsExactly("a", "b");
    }

    /** Runs the transaction and the reads; returns the reader. */
    private static TargetedScript run(TxLogConfig config) {
        TargetedScript producer = new TargetedScript(List.of(
                new Step(5, B1, new InitProducerId(1, "t1", 1000)),
                new Step(10, B1, new AddPartitionsToTxn(2, "t1", 0, (short) 0, List.of(EVENTS))),
                new Step(96, B1, new Produce(3, EVENTS, 0, (short) 0, 0, true, List.of("a", "b"), Acks.LEADER)),
                new Step(98, B1, new EndTxn(4, "t1", 0, (short) 0, true))));
        TargetedScript reader = new TargetedScript(List.of(
                new Step(108, B1, new Fetch(1, EVENTS, 0, 100, IsolationLevel.READ_UNCOMMITTED)),
                new Step(108, B1, new Fetch(2, EVENTS, 0, 100, IsolationLevel.READ_COMMITTED)),
                new Step(150, B1, new Fetch(3, EVENTS, 0, 100, IsolationLevel.READ_UNCOMMITTED)),
                new Step(150, B1, new Fetch(4, EVENTS, 0, 100, IsolationLevel.READ_COMMITTED))));

        ReplicationWorld.run(
                1,
                config,
                Map.of("producer", producer, "reader", reader),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(95), B2, Duration.ofMillis(20))
                        .pause(Duration.ofMillis(95), B3, Duration.ofMillis(20))
                        .build(),
                builder -> {},
                300,
                config.bug() == TxLogConfig.Bug.NONE);

        assertThat(producer.answer(4).response()).isInstanceOf(TxLogMessages.TxnOk.class);
        return reader;
    }
}
