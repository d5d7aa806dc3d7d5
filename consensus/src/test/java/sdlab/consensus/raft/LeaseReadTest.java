package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.consensus.raft.RaftConfig.Bug;
import sdlab.consensus.raft.RaftConfig.ReadMode;
import sdlab.consensus.raft.RaftSimulations.Run;
import sdlab.core.NodeId;
import sdlab.core.history.OpType;
import sdlab.sim.FaultPlan;
import sdlab.sim.InvariantViolation;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.SimResult;

/**
 * Lease reads under clock drift: every node's clock runs 5-10% fast or slow, and leaders are
 * cut off from the other nodes now and then. A lease shortened by the drift bound keeps every
 * read linearizable; the planted bug (the full election timeout as the lease) serves stale reads
 * that the linearizability checker finds, with seeds that replay them.
 */
class LeaseReadTest {
    private static final int SEEDS = 40;
    private static final int DRIFT_PPM_MAX = 100_000;

    /** Leases for clocks within 10%: 600 ms timeouts give a lease of 491 ms. */
    private static final RaftConfig LEASE = RaftConfig.defaults()
            .withElectionTimeouts(600, 630)
            .withClientTimeouts(60, 2_000)
            .withReads(ReadMode.LEASE, DRIFT_PPM_MAX);

    /**
     * Three nodes whose clocks drift by 5-10% either way (drawn from the seed), five clients (two of them only read) on
     * one key, fast links and disks (so that a new leader commits well within the drift's margin).
     */
    private static Run driftingClocks(RaftConfig config, long seed) {
        Run run = RaftSimulations.standard(config).withNodeCount(3);
        run = new Run(config, 3, 5, 80, 1, run.network(), run.disk(), run.faults());
        SplittableRandom random = new SplittableRandom(seed);
        FaultPlan.Builder plan = FaultPlan.builder();
        for (NodeId node : run.nodes()) {
            // Between 5% and 10% fast or slow: the leader slow and the others fast is not rare.
            double driftPpm = (random.nextBoolean() ? 1 : -1) * random.nextDouble(DRIFT_PPM_MAX / 2.0, DRIFT_PPM_MAX);
            plan.clockSkew(node, Duration.ofMillis(random.nextLong(-50, 50)), driftPpm);
        }
        return run.withNetwork(NetworkConfig.reliable(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(3))))
                .withDisk(run.disk().withSyncLatency(Latency.uniform(Duration.ofMillis(1), Duration.ofMillis(2))))
                .withFaults(plan.build());
    }

    /** Null if every invariant held and the history is linearizable; otherwise what went wrong. */
    private static String failure(long seed, RaftConfig config) {
        Run run = driftingClocks(config, seed);
        try {
            SimResult result = RaftSimulations.simulateWithNemesis(
                    seed, run, new IsolateLeaders(seed, run.nodes()), RaftSimulations.readersAndWriters(2, 1));
            assertThat(RaftSimulations.count(result.history(), OpType.OK))
                    .as("seed %d", seed)
                    .isPositive();
            return RaftSimulations.linearizable(result.history()) == Verdict.VALID ? null : "not linearizable";
        } catch (InvariantViolation violation) {
            return violation.getMessage();
        }
    }

    @Test
    void leasesWithoutADriftBoundServeStaleReadsThatABoundedLeasePreventsOnTheSameSeeds() {
        List<Long> caught = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            String failure = failure(seed, LEASE.withBug(Bug.LEASE_WITHOUT_DRIFT_BOUND));
            if (failure != null) {
                System.out.println("lease without a drift bound caught; replay with seed " + seed + ": " + failure);
                caught.add(seed);
            }
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            assertThat(failure(seed, LEASE))
                    .as("seed %d with the drift bound", seed)
                    .isNull();
        }
        assertThat(caught).isNotEmpty();
    }

    @Test
    void aLeaderWithALeaseAnswersReadsWithoutAHeartbeatRoundEach() {
        // The same reader-heavy run without faults: by ReadIndex every batch of reads costs a
        // heartbeat round to every follower; with the lease, reads cost no message at all.
        Run leased = driftingClocks(LEASE, 1).withFaults(FaultPlan.none());
        Run readIndex = leased.withConfig(LEASE.withReads(ReadMode.READ_INDEX, 0));

        SimResult withLease =
                RaftSimulations.simulateWithNemesis(1, leased, control -> {}, RaftSimulations.readersAndWriters(2, 1));
        SimResult withReadIndex = RaftSimulations.simulateWithNemesis(
                1, readIndex, control -> {}, RaftSimulations.readersAndWriters(2, 1));

        assertThat(RaftSimulations.linearizable(withLease.history())).isEqualTo(Verdict.VALID);
        assertThat(withLease.stats().messagesSent())
                .isLessThan(withReadIndex.stats().messagesSent() * 3 / 4);
    }
}
