package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.B2;
import static sdlab.txlog.ReplicationWorld.B3;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;

/**
 * A follower paused for 200 ms (a long GC pause) falls behind: the leader drops it from the in-sync set once it has
 * not caught up for replica.lag.time.max (30 ms here), the high watermark moves on with the other two, and when the
 * follower resumes it catches up and is added back. The high watermark never passes the log end of a live member of
 * the leader's in-sync set (the world's invariant, checked after every event).
 */
class InSyncReplicasTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPausedFollowerLeavesTheInSyncSetAndComesBackOnceCaughtUp(long seed) {
        LoadProducer producer = new LoadProducer(BROKERS, EVENTS, Acks.ALL, 1, 500);
        List<List<NodeId>> isrSeenByLeader = new ArrayList<>();
        List<Long> highWatermarks = new ArrayList<>();
        ReplicationWorld.Run run = ReplicationWorld.run(
                seed,
                ReplicationWorld.config(2),
                Map.of("producer", producer),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(100), B2, Duration.ofMillis(200))
                        .build(),
                builder -> builder.every(Duration.ofMillis(5), control -> {
                    LogBroker leader = (LogBroker) control.node(B1).orElseThrow();
                    isrSeenByLeader.add(
                            leader.partitionState(EVENTS).orElseThrow().isr());
                    highWatermarks.add(leader.highWatermark(EVENTS));
                }),
                700);

        assertThat(isrSeenByLeader)
                .as("seed %d: the set shrank to b1, b3", seed)
                .contains(List.of(B1, B3));
        assertThat(isrSeenByLeader.getLast()).as("seed %d: and grew back", seed).containsExactlyInAnyOrder(B1, B2, B3);
        // While b2 was paused the high watermark still moved: acks=all with min.insync.replicas=2 kept working.
        int pausedFrom = 100 / 5;
        int pausedTo = 300 / 5 - 1;
        assertThat(highWatermarks.get(pausedTo))
                .as("seed %d", seed)
                .isGreaterThan(highWatermarks.get(pausedFrom) + 100);
        assertThat(run.broker(B2).records(EVENTS))
                .as("seed %d: b2 caught up", seed)
                .isEqualTo(run.broker(B1).records(EVENTS));
        assertThat(ReplicationWorld.lostAcknowledged(run, producer)).isEmpty();
    }
}
