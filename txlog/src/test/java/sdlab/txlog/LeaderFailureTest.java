package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.CONTROLLER;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.InvariantViolation;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The leader of a three-replica partition is killed while a producer writes a record every millisecond (many in
 * flight) and a consumer tails the partition. With {@code acks=all} and {@code min.insync.replicas=2} no acknowledged
 * record is lost and no consumer reads a record that is later gone; with {@code acks=1} acknowledged records are lost;
 * a leader that moves its high watermark alone loses them even under {@code acks=all}.
 */
class LeaderFailureTest {
    static final long SEEDS = 30;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    /** What one run lost: acknowledged records, and records a consumer read. */
    record Losses(int acknowledged, int lostAcknowledged, long readButLost, int readAboveHighWatermark) {}

    /** Kills whoever leads at 150 ms plus up to 20 ms (by seed) for 150 ms; the producer runs until 400 ms. */
    static Losses run(long seed, Acks acks, TxLogConfig config) {
        return run(seed, acks, config, true);
    }

    static Losses run(long seed, Acks acks, TxLogConfig config, boolean invariantChecked) {
        LoadProducer producer = new LoadProducer(BROKERS, EVENTS, acks, 1, 400);
        TailingConsumer consumer = new TailingConsumer(BROKERS, EVENTS);
        ReplicationWorld.Run run = ReplicationWorld.run(
                seed,
                config,
                Map.of("producer", producer, "consumer", consumer),
                FaultPlan.none(),
                builder -> builder.at(Duration.ofMillis(150 + seed % 20), control -> {
                    LogController controller =
                            (LogController) control.node(CONTROLLER).orElseThrow();
                    NodeId leader = controller.state(EVENTS).orElseThrow().leader();
                    control.crash(leader, Duration.ofMillis(150));
                }),
                700,
                invariantChecked);
        return new Losses(
                producer.acknowledged.size(),
                ReplicationWorld.lostAcknowledged(run, producer).size(),
                ReplicationWorld.readButLost(run, consumer),
                consumer.aboveHighWatermark);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withAcksAllAndTwoInSyncReplicasNoAcknowledgedRecordIsLost(long seed) {
        Losses losses = run(seed, Acks.ALL, ReplicationWorld.config(2));

        assertThat(losses.acknowledged())
                .as("seed %d: the producer got through", seed)
                .isGreaterThan(250);
        assertThat(losses.lostAcknowledged())
                .as("seed %d: acknowledged records lost", seed)
                .isZero();
        assertThat(losses.readButLost())
                .as("seed %d: records read, then lost", seed)
                .isZero();
        assertThat(losses.readAboveHighWatermark()).as("seed %d", seed).isZero();
    }

    @Test
    void withAcksOneTheKilledLeaderTakesAcknowledgedRecordsWithIt() {
        int lost = 0;
        int acknowledged = 0;
        long seedsWithLoss = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Losses losses = run(seed, Acks.LEADER, ReplicationWorld.config(2));
            lost += losses.lostAcknowledged();
            acknowledged += losses.acknowledged();
            seedsWithLoss += losses.lostAcknowledged() > 0 ? 1 : 0;
        }
        System.out.printf(
                "[claim] acks=1, leader killed: %d of %d acknowledged records lost over %d seeds (%d seeds lost some)%n",
                lost, acknowledged, SEEDS, seedsWithLoss);

        assertThat(lost).isPositive();
    }

    @Test
    void aHighWatermarkMovedByTheLeaderAloneBreaksTheInvariantAtOnce() {
        TxLogConfig buggy = ReplicationWorld.config(2).withBug(Bug.HIGH_WATERMARK_FROM_LEADER_ALONE);

        assertThatThrownBy(() -> run(1, Acks.ALL, buggy))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageContaining("high watermark");
    }

    @Test
    void aHighWatermarkMovedByTheLeaderAloneLosesAcknowledgedRecordsUnderAcksAll() {
        TxLogConfig buggy = ReplicationWorld.config(2).withBug(Bug.HIGH_WATERMARK_FROM_LEADER_ALONE);
        int lost = 0;
        long readButLost = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Losses losses = run(seed, Acks.ALL, buggy, false);
            lost += losses.lostAcknowledged();
            readButLost += losses.readButLost();
        }
        System.out.printf(
                "[claim] planted bug (HW from the leader alone), acks=all: %d acknowledged lost, %d read then lost%n",
                lost, readButLost);

        assertThat(lost).isPositive();
    }
}
