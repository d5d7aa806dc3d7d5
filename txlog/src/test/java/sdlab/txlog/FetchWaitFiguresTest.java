package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.ReplicationWorld.BROKERS;
import static sdlab.txlog.ReplicationWorld.CONTROLLER;
import static sdlab.txlog.ReplicationWorld.EVENTS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.sim.FaultPlan;
import sdlab.sim.TraceEvent;

/**
 * The figures the README quotes for the followers' fetch wait, measured in the simulator: the messages an idle group
 * of three brokers sends each second (three partitions, one led by each broker), and the latency of {@code acks=all}
 * produces at a light and a steady rate. They are printed, not asserted, apart from what must hold for them to mean
 * anything.
 */
class FetchWaitFiguresTest {
    static final long IDLE_RUN_MS = 10_000;

    @Test
    void anIdleGroupsMessagesPerSecond() {
        TxLogConfig config =
                TxLogConfig.of(Map.of("events", 3)).withReplication(ReplicationConfig.group(CONTROLLER, BROKERS, 3, 2));
        ReplicationWorld.Run run = ReplicationWorld.run(
                1, config, Map.of(), FaultPlan.none(), builder -> builder.recordTrace(true), IDLE_RUN_MS);

        long sent = run.result().stats().messagesSent();
        long fetches = run.result().trace().stream()
                .filter(e -> e.kind() == TraceEvent.Kind.SEND && e.detail().startsWith("ReplicaFetch["))
                .count();
        System.out.printf(
                "[figure] idle group of 3 brokers, 3 partitions: %.0f messages/s, of which %.0f follower fetches/s%n",
                sent * 1000.0 / IDLE_RUN_MS, fetches * 1000.0 / IDLE_RUN_MS);
        assertThat(fetches).isPositive();
    }

    @Test
    void acksAllLatencyAtALightAndASteadyRate() {
        for (long intervalMs : new long[] {1, 20}) {
            List<Long> latencies = new ArrayList<>();
            for (long seed = 1; seed <= 10; seed++) {
                LoadProducer producer = new LoadProducer(BROKERS, EVENTS, Acks.ALL, intervalMs, 2_000);
                ReplicationWorld.run(
                        seed,
                        ReplicationWorld.config(2),
                        Map.of("producer", producer),
                        FaultPlan.none(),
                        builder -> {},
                        2_500);
                latencies.addAll(producer.ackLatenciesNanos);
            }
            latencies.sort(null);
            System.out.printf(
                    "[figure] acks=all, one record every %d ms, 10 seeds: %d acknowledged, p50 %.2f ms, p99 %.2f ms%n",
                    intervalMs, latencies.size(), percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6);
            assertThat(latencies).isNotEmpty();
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
