package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
import static sdlab.repl.ReplWorld.OPERATOR;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.Message;
import sdlab.core.Node;
import sdlab.core.NodeContext;
import sdlab.core.NodeId;
import sdlab.core.Timer;
import sdlab.core.TimerId;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplMessages.Demote;
import sdlab.repl.ReplMessages.Promote;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A synchronous primary cut off from both replicas takes a write it cannot commit; at 100 ms an operator promotes r1
 * and demotes the primary. The waiting write must end "outcome unknown" when the primary steps down, not when the
 * client's 5 s timeout runs out, and the client's next write must go to the node the answer names.
 */
class StepDownAnswersTest {
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final long CLIENT_TIMEOUT_NANOS = 5_000 * MS;

    /** Promotes r1 and tells the others of it at 100 ms, as a failover manager does. */
    private record Operator() implements Node {
        private record Act() implements Timer {}

        @Override
        public void onStart(NodeContext ctx, boolean restarted) {
            ctx.setTimer(Duration.ofMillis(100), new Act());
        }

        @Override
        public void onMessage(NodeId from, Message message, NodeContext ctx) {}

        @Override
        public void onTimer(TimerId id, Timer timer, NodeContext ctx) {
            ctx.send(R1, new Promote(List.of(R2, P)));
            ctx.send(P, new Demote(R1));
            ctx.send(R2, new Demote(R1)); // a replica told of the new primary follows it
        }
    }

    private static List<Operation> run() {
        Simulation simulation = ReplWorld.cluster(3, ReplWorld.config().sync(SyncLevel.ON), ReplObserver.NONE)
                .addNode(OPERATOR, any -> new Operator())
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, CLIENT_TIMEOUT_NANOS)))
                .faults(FaultPlan.builder()
                        .partition(Duration.ZERO, Duration.ofHours(1), Partition.between(Set.of(P), Set.of(R1, R2)))
                        .build())
                .workload(Workload.closedLoop(
                        List.of(WRITER), ReplWorld.writesAndReads(1, 1), 2, Latency.constant(Duration.ofMillis(1))))
                .build();
        return Operations.of(simulation.run(Duration.ofSeconds(1)).history());
    }

    @Test
    void aWriteWaitingWhenThePrimaryStepsDownEndsUnknownAtOnceAndTheNextGoesToTheNewPrimary() {
        List<Operation> ops = run();

        assertThat(ops).hasSize(2);
        Operation waiting = ops.getFirst();
        assertThat(waiting.status()).isEqualTo(Status.UNKNOWN);
        // An unknown operation stays open in the history, so its end shows as the next one's start (1 ms later).
        Operation next = ops.get(1);
        assertThat(next.invokeTimeNanos())
                .as("answered when the primary stepped down (100 ms and a hop), not at the client's timeout")
                .isLessThan(110 * MS);
        assertThat(next.status()).isEqualTo(Status.OK);
    }
}
