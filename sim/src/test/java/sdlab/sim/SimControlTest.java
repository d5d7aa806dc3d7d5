package sdlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.sim.Scenarios.A;
import static sdlab.sim.Scenarios.B;
import static sdlab.sim.Scenarios.ms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimControlTest {

    private static final NetworkConfig HALF_MS = NetworkConfig.reliable(Latency.constant(Duration.ofNanos(500_000)));

    @Test
    void anActionAtAGivenTimeCanCrashANodeChosenThen() {
        // At 10 ms the action looks at the nodes and crashes b for 10 ms: pings 10..19 find b down.
        List<Received> log = Scenarios.log();
        SimResult result = Simulation.builder(1)
                .network(HALF_MS)
                .addNode(A, id -> new PingerNode(B, 40, ms(1), log))
                .addNode(B, id -> new EchoNode(log))
                .at(ms(10), control -> {
                    assertThat(control.node(B)).isPresent();
                    control.crash(B, ms(10));
                })
                .build()
                .run(Duration.ofSeconds(1));

        assertThat(Scenarios.received(log, B, TestMessages.Ping.class)).hasSize(30);
        assertThat(result.stats().crashes()).isEqualTo(1);
    }

    @Test
    void periodicActionsSampleTheRunAtFixedIntervals() {
        // every(5 ms) runs at 5, 10, 15, ... and sees the state of the run at those times.
        List<String> samples = new ArrayList<>();
        List<Received> log = Scenarios.log();
        Simulation.builder(1)
                .network(HALF_MS)
                .addNode(A, id -> new PingerNode(B, 20, ms(1), log))
                .addNode(B, id -> new EchoNode(log))
                .every(ms(5), control -> samples.add(control.nowNanos() / 1_000_000 + "ms:" + log.size()))
                .build()
                .run(ms(22));

        assertThat(samples).containsExactly("5ms:9", "10ms:19", "15ms:29", "20ms:39");
    }

    @Test
    void controlFaultsMatchPlannedOnes() {
        // A partition, clog and pause injected through the control give the same run as the same faults planned.
        FaultPlan planned = FaultPlan.builder()
                .partition(ms(5), ms(5), Partition.between(Set.of(A), Set.of(B)))
                .clog(ms(12), ms(3), B, A)
                .pause(ms(20), A, ms(4))
                .build();
        long plannedHash = pingRun(Simulation.builder(3).faults(planned));
        long controlledHash = pingRun(Simulation.builder(3)
                .at(ms(5), c -> c.partition(Partition.between(Set.of(A), Set.of(B)), ms(5)))
                .at(ms(12), c -> c.clog(B, A, ms(3)))
                .at(ms(20), c -> c.pause(A, ms(4))));

        assertThat(controlledHash).isEqualTo(plannedHash);
    }

    private static long pingRun(Simulation.Builder builder) {
        return builder.network(HALF_MS)
                .addNode(A, id -> new PingerNode(B, 30, ms(1), Scenarios.log()))
                .addNode(B, id -> new EchoNode(Scenarios.log()))
                .build()
                .run(Duration.ofSeconds(1))
                .traceHash();
    }
}
