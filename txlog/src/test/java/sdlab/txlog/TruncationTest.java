package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.sim.FaultPlan;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The leader b1 is paused for 150 ms under a running producer: the controller fences it and elects another leader.
 * When b1 resumes it still believes it leads and appends the produces that queued up during its pause, at offsets the
 * new leader has given to other records. Told of the new leader, it truncates that divergent suffix (where its epoch
 * ended in the new leader's log) before fetching, and every replica ends with the same log. A follower that skips the
 * truncation keeps records the others never had.
 */
class TruncationTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 10);
    }

    /** How many offsets at which some replica's record differs from the leader's, after the run. */
    static long divergentOffsets(long seed, TxLogConfig config) {
        LoadProducer producer = new LoadProducer(BROKERS, EVENTS, Acks.ALL, 1, 400);
        ReplicationWorld.Run run = ReplicationWorld.run(
                seed,
                config,
                Map.of("producer", producer),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(100 + seed % 10), B1, Duration.ofMillis(150))
                        .build(),
                builder -> {},
                800,
                config.bug() == Bug.NONE);
        List<LogRecord> leaderLog = run.leader().records(EVENTS);
        long divergent = 0;
        for (var broker : BROKERS) {
            List<LogRecord> log = run.broker(broker).records(EVENTS);
            for (int i = 0; i < Math.max(log.size(), leaderLog.size()); i++) {
                boolean same = i < log.size()
                        && i < leaderLog.size()
                        && log.get(i).value().equals(leaderLog.get(i).value());
                divergent += same ? 0 : 1;
            }
        }
        if (config.bug() == Bug.NONE) {
            assertThat(ReplicationWorld.lostAcknowledged(run, producer))
                    .as("seed %d", seed)
                    .isEmpty();
        }
        return divergent;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theOldLeaderTruncatesWhatItAppendedAfterItWasReplacedAndEveryReplicaEndsAlike(long seed) {
        assertThat(divergentOffsets(seed, ReplicationWorld.config(2)))
                .as("seed %d", seed)
                .isZero();
    }

    @Test
    void aFollowerThatSkipsTruncationKeepsADivergentSuffix() {
        TxLogConfig buggy = ReplicationWorld.config(2).withBug(Bug.FOLLOWER_SKIPS_TRUNCATION);
        long divergent = seeds().map(seed -> divergentOffsets(seed, buggy)).sum();
        System.out.printf("[claim] planted bug (no truncation): %d divergent offsets over 10 seeds%n", divergent);

        assertThat(divergent).isPositive();
    }
}
