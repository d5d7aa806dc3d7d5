package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A replica restarted under load comes back with only what it had synced, and must catch up: r1 crashes at 300 ms and
 * is back at 500 ms while two writers go on, on a jittery network with 1 to 3 ms syncs. Before the primary rewound to
 * what the replica last reported (rather than the most it ever reported), every shipment after the restart was a gap
 * to r1 and it stayed hundreds of entries behind for good; rolling maintenance restarts every replica.
 */
class ReplicaRestartTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aReplicaRestartedUnderLoadCatchesUp(long seed) {
        List<NodeId> writers = List.of(ReplWorld.client(0), ReplWorld.client(1));
        Simulation.Builder builder = ReplWorld.jittery(seed, ReplWorld.config(), ReplObserver.NONE)
                .faults(FaultPlan.builder()
                        .crash(Duration.ofMillis(300), ReplWorld.R1, Duration.ofMillis(200))
                        .build())
                .workload(Workload.closedLoop(
                        writers, ReplWorld.writesAndReads(2, 4), 400, Latency.constant(Duration.ofMillis(1))));
        writers.forEach(writer -> builder.addClient(
                writer, new ReplClient(ReplClient.Settings.atPrimary(ReplWorld.P, 100 * ReplWorld.MS))));
        Simulation simulation = builder.build();
        simulation.run(Duration.ofSeconds(5));

        ReplNode primary = (ReplNode) simulation.node(ReplWorld.P).orElseThrow();
        ReplNode restarted = (ReplNode) simulation.node(ReplWorld.R1).orElseThrow();
        ReplNode steady = (ReplNode) simulation.node(ReplWorld.R2).orElseThrow();
        assertThat(primary.lastPosition()).isEqualTo(800);
        // The run stops when the last write is acknowledged: its shipment may still be on the way to either replica.
        assertThat(restarted.lastPosition()).isGreaterThanOrEqualTo(steady.lastPosition() - 1);
        assertThat(restarted.log()).isEqualTo(primary.log().subList(0, (int) restarted.lastPosition()));
    }
}
