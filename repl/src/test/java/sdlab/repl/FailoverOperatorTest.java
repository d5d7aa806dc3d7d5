package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.OPERATOR;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;
import static sdlab.repl.ReplWorld.REPLICAS;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.repl.ReplConfig.WaitPoint;
import sdlab.repl.ReplObserver.CommitAck;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * The operator's one step, on a constant 1 ms network: r2 is cut off from the primary from 100 ms, so r1 is ahead
 * when the primary dies for good at 300 ms. The operator must promote r1, not r2; r2 must follow r1 and catch up,
 * and the writer must carry on at r1, whose semi-sync commits r2 then acknowledges.
 */
class FailoverOperatorTest {
    private static final NodeId WRITER = ReplWorld.client(0);

    @Test
    void theMostAdvancedReplicaIsPromotedAndTheOtherFollowsIt() {
        Recorder recorder = new Recorder();
        Simulation simulation = ReplWorld.cluster(5, ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC), recorder)
                .addNode(
                        OPERATOR,
                        any -> new FailoverOperator(
                                new FailoverOperator.Settings(P, REPLICAS, List.of(WRITER), 20 * MS, 3, 100 * MS)))
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 50 * MS)))
                .faults(FaultPlan.builder()
                        .partition(
                                Duration.ofMillis(100), Duration.ofHours(1), Partition.between(Set.of(P), Set.of(R2)))
                        .crash(Duration.ofMillis(300), P, Duration.ofHours(1))
                        .build())
                .workload(Workload.closedLoop(
                        List.of(WRITER), ReplWorld.writesAndReads(1, 2), 200, Latency.constant(Duration.ofMillis(2))))
                .build();
        SimResult result = simulation.run(Duration.ofSeconds(2));

        ReplNode r1 = (ReplNode) simulation.node(R1).orElseThrow();
        ReplNode r2 = (ReplNode) simulation.node(R2).orElseThrow();
        assertThat(recorder.promotions).hasSize(1).first().asString().startsWith("r1@");
        assertThat(r1.isPrimary()).isTrue();
        assertThat(r2.isPrimary()).isFalse();
        assertThat(r2.log()).isEqualTo(r1.log());
        // Writes after the failover committed at r1 with r2's acknowledgement.
        List<Operation> writes = Operations.of(result.history());
        Operation last = writes.getLast();
        assertThat(last.status()).isEqualTo(Status.OK);
        Recorder.Commit lastCommit = recorder.commitsByValue.get((String) last.output());
        assertThat(lastCommit.primary()).isEqualTo(R1);
        assertThat(lastCommit.ack()).isEqualTo(CommitAck.REPLICAS);
        // Every acknowledged write survived: AFTER_SYNC waited for r1, the only replica still connected.
        assertThat(writes).filteredOn(w -> w.status() == Status.OK).allMatch(w -> r1.log().stream()
                .anyMatch(e -> e.value().equals(w.output())));
    }
}
