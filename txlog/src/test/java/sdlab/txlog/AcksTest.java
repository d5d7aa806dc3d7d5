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
import sdlab.txlog.TxLogMessages.Produce;
import sdlab.txlog.TxLogMessages.ProduceOk;
import sdlab.txlog.TxLogMessages.ProduceRefused;

/**
 * What each {@code acks} waits for, with both followers paused from 95 to 115 ms (less than the 30 ms lag limit, so
 * they stay in sync): {@code acks=1} is answered at once, {@code acks=all} only after the followers resume and fetch
 * it, and {@code acks=0} never. Paused for 200 ms they leave the in-sync set, and {@code acks=all} is refused with
 * NOT_ENOUGH_REPLICAS under min.insync.replicas=2 while {@code acks=1} still goes through.
 */
class AcksTest {

    private static Produce produce(long requestId, String value, Acks acks) {
        return new Produce(requestId, EVENTS, -1, (short) 0, 0, false, List.of(value), acks);
    }

    @Test
    void acksAllWaitsForTheInSyncFollowersAndAcksOneDoesNot() {
        TargetedScript client = new TargetedScript(List.of(
                new Step(100, B1, produce(1, "leader-only", Acks.LEADER)),
                new Step(100, B1, produce(2, "all", Acks.ALL)),
                new Step(100, B1, produce(3, "none", Acks.NONE))));

        ReplicationWorld.run(
                1,
                ReplicationWorld.config(2),
                Map.of("client", client),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(95), B2, Duration.ofMillis(20))
                        .pause(Duration.ofMillis(95), B3, Duration.ofMillis(20))
                        .build(),
                builder -> {},
                300);

        assertThat(client.answer(1).response()).isInstanceOf(ProduceOk.class);
        assertThat(client.answer(1).atNanos()).isLessThan(Duration.ofMillis(105).toNanos());
        assertThat(client.answer(2).response()).isInstanceOf(ProduceOk.class);
        assertThat(client.answer(2).atNanos())
                .isGreaterThan(Duration.ofMillis(115).toNanos());
        assertThat(client.answered(3)).isFalse();
    }

    @Test
    void acksAllIsRefusedWhenTooFewReplicasAreInSync() {
        TargetedScript client = new TargetedScript(List.of(
                new Step(250, B1, produce(1, "all", Acks.ALL)), new Step(250, B1, produce(2, "one", Acks.LEADER))));

        ReplicationWorld.Run run = ReplicationWorld.run(
                1,
                ReplicationWorld.config(2),
                Map.of("client", client),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(100), B2, Duration.ofMillis(200))
                        .pause(Duration.ofMillis(100), B3, Duration.ofMillis(200))
                        .build(),
                builder -> {},
                260);

        assertThat(run.broker(B1).partitionState(EVENTS).orElseThrow().isr()).containsExactly(B1);
        assertThat(client.answer(1).response()).isEqualTo(new ProduceRefused(1, ErrorCode.NOT_ENOUGH_REPLICAS));
        assertThat(client.answer(2).response()).isInstanceOf(ProduceOk.class);
    }
}
