package sdlab.cron;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.consensus.raft.RaftCluster;
import sdlab.consensus.raft.RaftConfig;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.coord.fencing.FencedLog;
import sdlab.coord.fencing.FencedStore;
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Simulation;

/** The scheduler on its own: one leader in a quiet run, and a lease stolen by a clock that runs ahead. */
class CronSchedulerTest {
    private static final List<NodeId> STORE = RaftCluster.nodeIds(3);
    private static final NodeId TARGET = NodeId.of("target");
    private static final NodeId S1 = NodeId.of("s1");
    private static final NodeId S2 = NodeId.of("s2");
    private static final long MS = 1_000_000L;

    /** Every acquisition, as "scheduler:epoch". */
    private record Leases(List<String> seen) implements CronObserver {
        @Override
        public void leaseAcquired(NodeId scheduler, long epoch) {
            seen.add(scheduler + ":" + epoch);
        }

        @Override
        public void runStarted(NodeId scheduler, long slot, long epoch) {}
    }

    private static Simulation simulation(CronOption option, FaultPlan faults, Leases leases) {
        SchedulerConfig config = new SchedulerConfig(
                "job", option, STORE, TARGET, 1000 * MS, 200 * MS, 1500 * MS, 300 * MS, 1000 * MS, 150 * MS, 1000 * MS,
                100 * MS, 3, 50 * MS);
        Simulation.Builder builder = Simulation.builder(5)
                .addNode(TARGET, id -> new FencedStore(option.targetPolicy()))
                .faults(faults);
        for (NodeId id : STORE) {
            builder.addNode(id, RaftCluster.nodeFactory(RaftConfig.defaults(), STORE));
        }
        builder.addNode(S1, id -> new CronScheduler(config, leases));
        builder.addNode(S2, id -> new CronScheduler(config, leases));
        return builder.build();
    }

    private static List<Long> slotsWritten(Simulation simulation) {
        return FencedLog.read(simulation.disk(TARGET).orElseThrow()).stream()
                .map(AppliedWrite::value)
                .map(value -> JobEffect.parse(value).slot())
                .toList();
    }

    @Test
    void inAQuietRunOneSchedulerLeadsAndEverySlotIsWrittenOnce() {
        // Shows: one acquisition, epoch 1, and slots 1..9 each written exactly once.
        Leases leases = new Leases(new ArrayList<>());
        Simulation simulation = simulation(CronOption.FENCING, FaultPlan.none(), leases);
        simulation.run(Duration.ofMillis(9_500));

        assertThat(leases.seen()).hasSize(1).allMatch(lease -> lease.endsWith(":1"));
        assertThat(slotsWritten(simulation))
                .containsSubsequence(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)
                .doesNotHaveDuplicates();
    }

    @Test
    void aSchedulerWhoseClockRunsALeaseAheadTakesTheLeaseFromALiveLeader() {
        // Shows: s2 wakes at 0.5 s with its clock 1.6 s ahead; s1's lease, renewed every 0.3 s, looks expired to it, so
        // it
        // takes epoch 2 while s1 is alive and well: the hazard that only a check at the target can contain.
        Leases leases = new Leases(new ArrayList<>());
        FaultPlan faults = FaultPlan.builder()
                .pause(Duration.ZERO, S2, Duration.ofMillis(500))
                .clockSkew(S2, Duration.ofMillis(1600), 0)
                .build();
        Simulation simulation = simulation(CronOption.FENCING, faults, leases);
        simulation.run(Duration.ofSeconds(5));

        assertThat(leases.seen()).startsWith("s1:1", "s2:2");
        assertThat(((CronScheduler) simulation.node(S1).orElseThrow()).holdsLease())
                .isFalse();
    }
}
