package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;

/** A replicated run with a leader pause, an election and a truncation replays byte for byte from its seed. */
class ReplicationDeterminismTest {

    @Test
    void theSameSeedGivesTheSameTraceHashAndAnotherSeedDoesNot() {
        assertThat(hash(7)).isEqualTo(hash(7));
        assertThat(hash(8)).isNotEqualTo(hash(7));
    }

    private static long hash(long seed) {
        return ReplicationWorld.run(
                        seed,
                        ReplicationWorld.config(2),
                        Map.of(
                                "producer", new LoadProducer(BROKERS, EVENTS, Acks.ALL, 1, 300),
                                "consumer", new TailingConsumer(BROKERS, EVENTS)),
                        FaultPlan.builder()
                                .pause(Duration.ofMillis(100), ReplicationWorld.B1, Duration.ofMillis(120))
                                .build(),
                        builder -> {},
                        500)
                .result()
                .traceHash();
    }
}
