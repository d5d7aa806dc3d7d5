package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.sim.DiskConfig;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * The manager's checks while the only standby is down, on a constant 1 ms network with 1 ms syncs: primary p
 * replicates semi-synchronously to standby s with a 200 ms timeout, and the manager writes a heartbeat through p every
 * 50 ms. s is down from 300 ms to 1.3 s. Each commit waits the timeout, so three heartbeats fail and the manager asks
 * for candidates; s does not answer, so it must watch p again, and p, asynchronous by then, passes.
 */
class FailoverManagerTest {
    private static final NodeId S = NodeId.of("s");
    private static final NodeId MANAGER = NodeId.of("manager");
    private static final NodeId WRITER = ReplWorld.client(0);

    @Test
    void aPrimaryThatRecoversWhileNoCandidateAnswersIsNotFailedOver() {
        // Shows: the probe after a round without answers gets a whole interval to pass. Judged at once (the round
        // lasting two intervals, a check fell due at its end), it failed every time; the manager asked again and
        // again until s came back and promoted s, which had not caught up, while p was serving.
        Recorder recorder = new Recorder();
        ReplConfig config = ReplConfig.defaults(ReplWorld.P, List.of(S))
                .semiSync(WaitPoint.AFTER_SYNC)
                .withTimeoutNanosSemiSync(200 * MS);
        FailoverManager.Settings manager = new FailoverManager.Settings(
                ReplWorld.P,
                List.of(ReplWorld.P, S),
                List.of(WRITER),
                new HealthCheck.Query(),
                50 * MS,
                3,
                100 * MS,
                1);
        Simulation simulation = Simulation.builder(4)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults())
                .addNode(ReplWorld.P, any -> new ReplNode(config, recorder))
                .addNode(S, any -> new ReplNode(config, recorder))
                .addNode(MANAGER, any -> new FailoverManager(manager))
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(ReplWorld.P, 500 * MS)))
                .faults(FaultPlan.builder()
                        .crash(Duration.ofMillis(300), S, Duration.ofSeconds(1))
                        .build())
                .workload(Workload.closedLoop(
                        List.of(WRITER), ReplWorld.writesAndReads(1, 4), 600, Latency.constant(Duration.ofMillis(2))))
                .build();
        simulation.run(Duration.ofSeconds(5));

        assertThat(recorder.switches).anyMatch(s -> s.startsWith("off@"));
        assertThat(recorder.promotions).isEmpty();
        assertThat(((FailoverManager) simulation.node(MANAGER).orElseThrow()).primary())
                .isEqualTo(ReplWorld.P);
    }
}
