package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.MS;
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
import sdlab.core.NodeId;
import sdlab.sim.FaultPlan;
import sdlab.sim.Latency;
import sdlab.sim.Partition;
import sdlab.sim.SimResult;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * A client that starts at a replica, as `sdlab cluster client repl` does when the first node it knows is down: the
 * replica refuses each write and names its source, and a client that follows the hint commits it there in the same
 * operation; one that does not gets the refusal.
 */
class HintFollowingClientTest {
    private static final NodeId CLIENT = ReplWorld.client(0);

    private static SimResult writesStartingAt(ReplClient.Settings settings) {
        return ReplWorld.cluster(2, ReplWorld.config().async(), ReplObserver.NONE)
                .addClient(CLIENT, new ReplClient(settings))
                .workload(Workload.closedLoop(
                        List.of(CLIENT),
                        (process, random) -> new sdlab.sim.OperationGenerator.Operation(
                                ReplClient.WRITE, "k", "v" + random.nextInt(1_000_000)),
                        10,
                        Latency.constant(Duration.ZERO)))
                .build()
                .run(Duration.ofSeconds(2));
    }

    @Test
    void aWriteRefusedByAReplicaGoesOnToThePrimaryItNamesAndCommits() {
        ReplClient.Settings settings = ReplClient.Settings.atPrimary(R1, 200 * MS)
                .withAlternates(List.of(P, R2), 0)
                .withHintsFollowed();

        List<Operation> ops = Operations.of(writesStartingAt(settings).history());

        assertThat(ops).hasSize(10).allMatch(op -> op.status() == Status.OK);
    }

    @Test
    void withoutFollowingHintsTheFirstWriteIsRefusedAndTheNextGoesToThePrimary() {
        ReplClient.Settings settings = ReplClient.Settings.atPrimary(R1, 200 * MS);

        List<Operation> ops = Operations.of(writesStartingAt(settings).history());

        assertThat(ops.getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(ops.subList(1, ops.size())).allMatch(op -> op.status() == Status.OK);
    }

    @Test
    void aWriteSentOnToAnUnreachablePrimaryEndsUnknown() {
        // r1 names p; with p cut off from the client, the write goes on to p and waits out its timeout: unknown,
        // never a refusal passed on and on.
        ReplClient.Settings settings = ReplClient.Settings.atPrimary(R1, 200 * MS)
                .withAlternates(List.of(R2), 0)
                .withHintsFollowed();
        Simulation simulation = ReplWorld.cluster(2, ReplWorld.config().async(), ReplObserver.NONE)
                .addClient(CLIENT, new ReplClient(settings))
                .faults(FaultPlan.builder()
                        .partition(Duration.ZERO, Duration.ofSeconds(1), Partition.between(Set.of(CLIENT), Set.of(P)))
                        .build())
                .workload(Workload.closedLoop(
                        List.of(CLIENT),
                        (process, random) -> new sdlab.sim.OperationGenerator.Operation(ReplClient.WRITE, "k", "v"),
                        1,
                        Latency.constant(Duration.ZERO)))
                .build();
        List<Operation> ops =
                Operations.of(simulation.run(Duration.ofSeconds(1)).history());

        assertThat(ops).hasSize(1);
        assertThat(ops.getFirst().status()).isEqualTo(Status.UNKNOWN);
    }
}
