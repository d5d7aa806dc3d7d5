package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sdlab.check.Verdict;
import sdlab.consensus.raft.RaftSimulations.Run;
import sdlab.consensus.raft.ScriptedAdmin.Step;
import sdlab.core.NodeId;
import sdlab.core.history.OpType;
import sdlab.sim.FaultPlan;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.TraceEvent;

/**
 * Single-server membership changes (Raft thesis §4.1) in simulated runs under client load:
 * every invariant after every event (the membership ones included), linearizable histories.
 */
class MembershipTest {
    private static final RaftConfig CONFIG = RaftConfig.defaults().withSnapshotLogEntriesMax(20);
    private static final NodeId ADMIN = NodeId.of("admin");
    private static final List<NodeId> FIVE = RaftCluster.nodeIds(5);
    private static final List<NodeId> THREE = RaftCluster.nodeIds(3);

    /** 3 -> 4 -> 5 -> 4 -> 3: n4 and n5 join, then n1 and n2 leave. */
    private static final List<Step> THREE_FIVE_THREE =
            List.of(Step.add("n4"), Step.add("n5"), Step.remove("n1"), Step.remove("n2"));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 6);
    }

    /** A finished run and its administrator. */
    private record Finished(Simulation simulation, SimResult result, ScriptedAdmin admin) {
        RaftNode node(NodeId id) {
            return (RaftNode) simulation.node(id).orElseThrow();
        }

        List<String> notes(String containing) {
            return result.trace().stream()
                    .filter(event -> event.kind() == TraceEvent.Kind.NOTE
                            && event.detail().contains(containing))
                    .map(TraceEvent::detail)
                    .toList();
        }
    }

    private static Run fiveNodes(FaultPlan faults) {
        Run run = RaftSimulations.standard(CONFIG);
        return new Run(
                        run.config(),
                        5,
                        run.clientCount(),
                        120,
                        run.keyCount(),
                        run.network(),
                        run.disk(),
                        FaultPlan.none())
                .withFaults(faults);
    }

    private static Finished run(long seed, Run run, List<NodeId> initial, ScriptedAdmin admin, boolean trace) {
        Simulation simulation = RaftSimulations.membershipRun(
                seed, run, trace, initial, null, builder -> builder.addNode(ADMIN, id -> admin));
        SimResult result = simulation.run(Duration.ofMinutes(2));
        assertThat(RaftSimulations.linearizable(result.history()))
                .as("seed %d", seed)
                .isEqualTo(Verdict.VALID);
        return new Finished(simulation, result, admin);
    }

    @Test
    void threeToFiveToThreeUnderLoadOneServerAtATime() {
        // The cluster starts as n1..n3; n4 and n5 know no configuration and wait to be contacted.
        ScriptedAdmin admin = new ScriptedAdmin(FIVE, THREE_FIVE_THREE, Duration.ofMillis(150));

        Finished run = run(1, fiveNodes(FaultPlan.none()), THREE, admin, false);

        assertThat(admin.answered())
                .containsExactly(
                        RaftCluster.nodeIds(4),
                        FIVE,
                        List.of(NodeId.of("n2"), NodeId.of("n3"), NodeId.of("n4"), NodeId.of("n5")),
                        List.of(NodeId.of("n3"), NodeId.of("n4"), NodeId.of("n5")));
        List<NodeId> last = admin.answered().getLast();
        for (NodeId member : last) {
            assertThat(run.node(member).members()).as("%s", member).isEqualTo(last);
        }
        assertThat(RaftSimulations.count(run.result().history(), OpType.INFO)).isZero();
    }

    @Test
    void removingTheLeaderStepsItDownOnceTheChangeCommitsAndAnotherMemberLeads() {
        // At 500 ms the test names the leader it sees; the administrator removes it. It keeps
        // leading (without counting itself) until the change commits, then steps down and, no
        // longer a member, never stands again.
        ScriptedAdmin admin = new ScriptedAdmin(FIVE, List.of(Step.removeLeader()), Duration.ofMillis(550));
        Run run = fiveNodes(FaultPlan.none());
        NodeId[] removed = new NodeId[1];
        Simulation simulation = RaftSimulations.membershipRun(1, run, true, FIVE, null, builder -> builder.addNode(
                        ADMIN, id -> admin)
                .at(Duration.ofMillis(500), control -> {
                    for (NodeId id : FIVE) {
                        if (control.node(id).orElse(null) instanceof RaftNode node && node.role() == Role.LEADER) {
                            removed[0] = id;
                            admin.pinLeader(id);
                        }
                    }
                }));
        SimResult result = simulation.run(Duration.ofMinutes(2));
        Finished finished = new Finished(simulation, result, admin);

        assertThat(removed[0]).isNotNull();
        assertThat(admin.answered()).containsExactly(Members.without(FIVE, removed[0]));
        assertThat(finished.notes(removed[0] + " was removed from the members")).hasSize(1);
        assertThat(finished.notes(" leads term "))
                .filteredOn(note -> note.startsWith(removed[0] + " "))
                .hasSize(1);
        assertThat(finished.node(removed[0]).role()).isEqualTo(Role.FOLLOWER);
        assertThat(RaftSimulations.linearizable(result.history())).isEqualTo(Verdict.VALID);
        assertThat(RaftSimulations.count(result.history(), OpType.OK)).isGreaterThan(300);
    }

    @Test
    void aRestartOfEveryNodeAfterTheChangesRecoversTheNewConfigurationFromDisk() {
        // n4 and n5 join; at 1.2 s every node crashes for 100 ms. Their bootstrap configuration is
        // n1..n3 (n4 and n5: none), so only the disk (snapshot, Base record, log) can say five.
        FaultPlan.Builder plan = FaultPlan.builder();
        FIVE.forEach(node -> plan.crash(Duration.ofMillis(1_200), node, Duration.ofMillis(100)));
        ScriptedAdmin admin = new ScriptedAdmin(FIVE, List.of(Step.add("n4"), Step.add("n5")), Duration.ofMillis(150));

        Finished run = run(1, fiveNodes(plan.build()), THREE, admin, false);

        assertThat(admin.answered()).containsExactly(RaftCluster.nodeIds(4), FIVE);
        for (NodeId node : FIVE) {
            assertThat(run.node(node).members()).as("%s", node).isEqualTo(FIVE);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void changesUnderCrashesPartitionsAndLossKeepEveryInvariantAndLinearizability(long seed) {
        Run run = fiveNodes(RaftSimulations.randomFaults(seed, FIVE, RaftSimulations.everything()));
        run = run.withNetwork(run.network().withLoss(0.05).withDuplication(0.05));
        ScriptedAdmin admin = new ScriptedAdmin(FIVE, THREE_FIVE_THREE, Duration.ofMillis(100));

        run(seed, run, THREE, admin, false);

        System.out.println("seed " + seed + ": changes made " + admin.answered().size() + " of 4, refusals "
                + admin.refusals().size());
    }

    @Test
    void aChangeAskedRightAfterAnElectionWaitsForTheNewLeadersNoOpToCommit() {
        // The administrator asks every node every 2 ms from the start, so the first leader hears
        // it moments after its election. It holds the change until its no-op commits; the
        // membership invariant checks that no leader appends a change of its term earlier.
        // With the planted bug the leader appends it at once, and the invariant says so.
        List<Step> addN4 = List.of(Step.add("n4"));
        Run run = fiveNodes(FaultPlan.none());

        ScriptedAdmin admin = new ScriptedAdmin(FIVE, addN4, Duration.ofMillis(1), true);
        Finished correct = run(1, run, THREE, admin, true);

        assertThat(correct.notes("holds the change to")).isNotEmpty();
        assertThat(admin.answered()).containsExactly(RaftCluster.nodeIds(4));

        ScriptedAdmin eager = new ScriptedAdmin(FIVE, addN4, Duration.ofMillis(1), true);
        Run buggy = run.withConfig(CONFIG.withBug(RaftConfig.Bug.CHANGE_BEFORE_TERM_COMMIT));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(1, buggy, THREE, eager, false))
                .isInstanceOf(sdlab.sim.InvariantViolation.class)
                .hasMessageContaining("'membership'")
                .hasMessageContaining("before committing an entry of its term");
    }
}
