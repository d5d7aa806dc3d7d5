package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.B1;
import static sdlab.txlog.ReplicationWorld.B2;
import static sdlab.txlog.ReplicationWorld.B3;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.CONTROLLER;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;

/**
 * Both followers pause (100 to 300 ms), so the in-sync set shrinks to the leader b1, which goes on accepting
 * {@code acks=1} writes alone (min.insync.replicas=1); then b1 dies for good at 250 ms. When the followers come back
 * no in-sync replica is alive. With unclean election allowed the controller makes b2 leader anyway, and every record
 * only b1 held is lost, acknowledged ones included; without it the partition stays offline and loses nothing it
 * acknowledged, but accepts no more writes.
 */
class UncleanElectionTest {
    static final long SEEDS = 10;

    record Outcome(int acknowledged, int lost, boolean offline, int uncleanElections) {}

    static Outcome run(long seed, boolean unclean) {
        TxLogConfig config = ReplicationWorld.config(1)
                .withReplication(
                        ReplicationConfig.group(CONTROLLER, BROKERS, 3, 1).withUncleanLeaderElection(unclean));
        LoadProducer producer = new LoadProducer(BROKERS, EVENTS, Acks.LEADER, 1, 500);
        ReplicationWorld.Run run = ReplicationWorld.run(
                seed,
                config,
                Map.of("producer", producer),
                FaultPlan.builder()
                        .pause(Duration.ofMillis(100), B2, Duration.ofMillis(200))
                        .pause(Duration.ofMillis(100), B3, Duration.ofMillis(200))
                        .crash(Duration.ofMillis(250), B1, Duration.ofSeconds(60))
                        .build(),
                builder -> {},
                700);
        LogController controller = run.controller();
        boolean offline = controller.state(EVENTS).orElseThrow().leader() == null;
        int lost =
                offline ? 0 : ReplicationWorld.lostAcknowledged(run, producer).size();
        return new Outcome(producer.acknowledged.size(), lost, offline, controller.uncleanElections());
    }

    @Test
    void anUncleanElectionBringsThePartitionBackAndLosesWhatOnlyTheDeadLeaderHeld() {
        int lost = 0;
        int acknowledged = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Outcome outcome = run(seed, true);
            assertThat(outcome.offline()).as("seed %d", seed).isFalse();
            assertThat(outcome.uncleanElections()).as("seed %d", seed).isPositive();
            assertThat(outcome.lost()).as("seed %d", seed).isPositive();
            lost += outcome.lost();
            acknowledged += outcome.acknowledged();
        }
        System.out.printf(
                "[claim] unclean election: %d of %d acknowledged records lost over %d seeds%n",
                lost, acknowledged, SEEDS);
    }

    @Test
    void withoutItThePartitionStaysOfflineAndNoElectionIsUnclean() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Outcome outcome = run(seed, false);
            assertThat(outcome.offline()).as("seed %d", seed).isTrue();
            assertThat(outcome.uncleanElections()).as("seed %d", seed).isZero();
        }
    }
}
