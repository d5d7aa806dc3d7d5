package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.B2;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;
import sdlab.txlog.TargetedScript.Step;
import sdlab.txlog.TxLogMessages.InitProducerId;
import sdlab.txlog.TxLogMessages.InitProducerIdOk;
import sdlab.txlog.TxLogMessages.Produce;
import sdlab.txlog.TxLogMessages.ProduceOk;

/**
 * Followers apply the leader's batches as they are, so they rebuild the same producer state: after the leader dies, a
 * retry to the new leader of a batch the old leader acknowledged with {@code acks=all} is answered as a duplicate, with
 * its original offset, and is not appended twice.
 */
class ReplicatedIdempotenceTest {

    @Test
    void aRetryToTheNewLeaderOfABatchTheOldOneAcknowledgedIsADuplicate() {
        long pid = 0; // b1's block of producer ids starts at 0: the producer asks b1 first
        TargetedScript producer = new TargetedScript(List.of(
                new Step(5, B1, new InitProducerId(1, null, 0)),
                new Step(20, B1, batch(2, pid, 0, "a")),
                new Step(30, B1, batch(3, pid, 1, "b")),
                // b1 dies at 50 ms; the controller elects b2 by 120 ms. The producer never heard of "b" (say), and
                // sends it again to the new leader, then goes on.
                new Step(200, B2, batch(4, pid, 1, "b")),
                new Step(210, B2, batch(5, pid, 2, "c"))));

        ReplicationWorld.Run run = ReplicationWorld.run(
                1,
                ReplicationWorld.config(2),
                Map.of("producer", producer),
                FaultPlan.builder()
                        .crash(Duration.ofMillis(50), B1, Duration.ofSeconds(10))
                        .build(),
                builder -> {},
                400);

        assertThat(producer.answer(1).response()).isEqualTo(new InitProducerIdOk(1, pid, (short) 0));
        assertThat(producer.answer(3).response()).isEqualTo(new ProduceOk(3, 1, false));
        assertThat(producer.answer(4).response()).isEqualTo(new ProduceOk(4, 1, true));
        assertThat(producer.answer(5).response()).isEqualTo(new ProduceOk(5, 2, false));
        assertThat(run.controller().state(EVENTS).orElseThrow().leader()).isEqualTo(B2);
        assertThat(run.broker(B2).records(EVENTS)).extracting(LogRecord::value).containsExactly("a", "b", "c");
    }

    private static Produce batch(long requestId, long pid, int sequence, String value) {
        return new Produce(requestId, EVENTS, pid, (short) 0, sequence, false, List.of(value), Acks.ALL);
    }
}
