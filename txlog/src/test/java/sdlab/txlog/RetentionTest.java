package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.produce;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;

/**
 * Retention deletes whole batches from the front of the log, by size and by age; the log start offset moves past
 * them, a fetch below it is refused with OFFSET_OUT_OF_RANGE, and ListOffsets' earliest is it. Followers follow.
 */
class RetentionTest {

    /** 60 records of 10 bytes, one a millisecond from 1 ms, then a fetch from 0 and a ListOffsets at 200 ms. */
    private static Script sixtyRecordsThenLook() {
        List<Script.Step> steps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            steps.add(produce(1 + i, i, P0, -1, 0, 0, false, String.format("record-%03d", i)));
        }
        steps.add(TxWorld.fetch(200, 100, P0, 0, IsolationLevel.READ_UNCOMMITTED));
        steps.add(new Script.Step(200, new TxLogMessages.ListOffsets(101, P0)));
        return new Script(steps);
    }

    @Test
    void retentionBySizeKeepsTheNewestBytesAndMovesTheLogStart() {
        Script client = sixtyRecordsThenLook();
        TxLogConfig config = TxWorld.config().withRetention(new Retention(200, -1, 10));

        LogBroker broker = TxWorld.run(1, config, Map.of("client", client), 300);

        long bytes = broker.records(P0).stream()
                .mapToLong(r -> r.value().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        assertThat(bytes).isEqualTo(200);
        assertThat(broker.logStartOffset(P0)).isEqualTo(40);
        assertThat(broker.records(P0).getFirst().value()).isEqualTo("record-040");
        assertThat(client.answer(100)).isEqualTo(new TxLogMessages.FetchRefused(100, ErrorCode.OFFSET_OUT_OF_RANGE));
        assertThat(client.answer(101)).isEqualTo(new TxLogMessages.OffsetsOk(101, P0, 40, 60, 60));
    }

    @Test
    void retentionByTimeDeletesWhatIsOlderThanTheLimit() {
        Script client = sixtyRecordsThenLook();
        // Records are appended from 1 to 60 ms; at 100 ms (the check every 10 ms) those older than 50 ms are gone.
        TxLogConfig config = TxWorld.config().withRetention(new Retention(-1, 50, 10));

        LogBroker broker = TxWorld.run(1, config, Map.of("client", client), 101);

        // The last check before the end ran at 100 ms: records appended at 50 ms or later (offset 49 on) remain.
        assertThat(broker.logStartOffset(P0)).isBetween(45L, 50L);
        assertThat(broker.records(P0).getLast().value()).isEqualTo("record-059");
    }

    @Test
    void withoutRetentionEverythingStays() {
        LogBroker broker = TxWorld.run(1, TxWorld.config(), Map.of("client", sixtyRecordsThenLook()), 300);

        assertThat(broker.logStartOffset(P0)).isZero();
        assertThat(broker.records(P0)).hasSize(60);
    }

    @Test
    void followersDeleteTheSameRecordsAsTheLeader() {
        TxLogConfig config = ReplicationWorld.config(2).withRetention(new Retention(500, -1, 20));
        LoadProducer producer = new LoadProducer(ReplicationWorld.BROKERS, ReplicationWorld.EVENTS, Acks.ALL, 1, 400);

        ReplicationWorld.Run run =
                ReplicationWorld.run(3, config, Map.of("producer", producer), FaultPlan.none(), builder -> {}, 600);

        LogBroker leader = run.broker(ReplicationWorld.B1);
        assertThat(leader.logStartOffset(ReplicationWorld.EVENTS)).isGreaterThan(100);
        for (var broker : ReplicationWorld.BROKERS) {
            assertThat(run.broker(broker).logStartOffset(ReplicationWorld.EVENTS))
                    .isEqualTo(leader.logStartOffset(ReplicationWorld.EVENTS));
            assertThat(run.broker(broker).records(ReplicationWorld.EVENTS))
                    .isEqualTo(leader.records(ReplicationWorld.EVENTS));
        }
    }
}
