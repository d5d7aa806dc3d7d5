package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.repl.ReplWorld.P;
import static sdlab.repl.ReplWorld.R1;
import static sdlab.repl.ReplWorld.R2;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.check.history.Operation;
import sdlab.check.history.Operations;
import sdlab.check.history.Status;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.OperationGenerator;
import sdlab.sim.Simulation;
import sdlab.sim.Workload;

/**
 * The operator's join, as {@code sdlab cluster repl add} runs it over TCP: asked to add the empty r2 to a store whose
 * node list names r1 first, it finds that p is the primary, makes r2 join p from a snapshot while a client writes, and
 * completes once r2 is ready; r2 then holds what p holds.
 */
class JoinOperatorTest {
    private static final NodeId WRITER = ReplWorld.client(0);
    private static final NodeId OPERATOR = ReplWorld.client(1);
    private static final ReadReplicaSettings READ_SIDE = new ReadReplicaSettings(false, 16_384, 8, 10_000_000, 0, 0, 1);

    @Test
    void theOperatorFindsThePrimaryAndItsJoinerEndsWithThePrimarysState() {
        ReplConfig config = ReplConfig.defaults(P, List.of(R1));
        JoinOperator.Settings settings = new JoinOperator.Settings(
                R2,
                List.of(R1, P),
                Duration.ofMillis(5).toNanos(),
                Duration.ofSeconds(1).toNanos());
        OperationGenerator generator = (process, random) -> process == 0
                ? new OperationGenerator.Operation(ReplClient.WRITE, "k" + random.nextInt(40), "v" + random.nextInt())
                : new OperationGenerator.Operation(JoinOperator.JOIN, null, null);
        Simulation simulation = Simulation.builder(5)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults())
                .addNode(P, any -> new ReplNode(config, ReplObserver.NONE, null, READ_SIDE))
                .addNode(R1, any -> new ReplNode(config, ReplObserver.NONE, null, READ_SIDE))
                .addNode(R2, any -> new ReplNode(config, ReplObserver.NONE, null, READ_SIDE.joiningLate()))
                .addClient(WRITER, new ReplClient(ReplClient.Settings.atPrimary(P, 500 * ReplWorld.MS)))
                .addClient(OPERATOR, new JoinOperator(settings))
                .workload(Workload.closedLoop(
                        List.of(WRITER, OPERATOR), generator, 200, Latency.constant(Duration.ofMillis(1))))
                .build();
        List<Operation> ops =
                Operations.of(simulation.run(Duration.ofSeconds(2)).history());

        List<Operation> joins =
                ops.stream().filter(op -> op.f().equals(JoinOperator.JOIN)).toList();
        assertThat(joins.getFirst().status()).isEqualTo(Status.OK);
        JoinOperator.Joined joined = (JoinOperator.Joined) joins.getFirst().output();
        assertThat(joined.primary()).isEqualTo(P);
        assertThat(joined.readyAfterNanos()).isPositive();
        // One join per operator: the workload's later invocations are refused, certainly not run.
        assertThat(joins.subList(1, joins.size())).allMatch(op -> op.status() == Status.FAIL);

        ReplNode primary = (ReplNode) simulation.node(P).orElseThrow();
        ReplNode joiner = (ReplNode) simulation.node(R2).orElseThrow();
        assertThat(joiner.source()).contains(P);
        assertThat(joiner.lastPosition())
                .as("the log carried the writes made after its snapshot")
                .isGreaterThan(joiner.basePosition())
                .isEqualTo(primary.lastPosition());
        Map<String, String> expected = new HashMap<>();
        primary.log().forEach(entry -> expected.put(entry.key(), entry.value()));
        expected.forEach(
                (key, value) -> assertThat(joiner.valueAtHead(key)).as(key).isEqualTo(value));
    }
}
