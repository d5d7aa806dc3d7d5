package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.P1;
import static sdlab.txlog.TxWorld.add;
import static sdlab.txlog.TxWorld.end;
import static sdlab.txlog.TxWorld.init;
import static sdlab.txlog.TxWorld.produce;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.txlog.TxLogMessages.TxnRefused;

/**
 * The coordinator's state machine moves only along KIP-98's arrows, every state it reaches is in its state log, it
 * answers only once that log is synced, and it writes a marker into every partition a transaction touched.
 */
class CoordinatorTest {

    @Test
    void theStateMachineAllowsOnlyKip98sTransitions() {
        assertThat(EnumSet.allOf(TxnState.class).stream().filter(TxnState.EMPTY::canBecome))
                .containsExactly(TxnState.ONGOING);
        assertThat(EnumSet.allOf(TxnState.class).stream().filter(TxnState.ONGOING::canBecome))
                .containsExactly(TxnState.PREPARE_COMMIT, TxnState.PREPARE_ABORT);
        assertThat(TxnState.PREPARE_COMMIT.canBecome(TxnState.COMPLETE_ABORT)).isFalse();
        assertThat(TxnState.PREPARE_ABORT.canBecome(TxnState.COMPLETE_COMMIT)).isFalse();
        assertThat(TxnState.COMPLETE_COMMIT.canBecome(TxnState.ONGOING)).isTrue();
    }

    @Test
    void everyStateIsLoggedAndACommitMarksEveryPartitionTouched() {
        Script producer = new Script(List.of(
                init(1, 1, "t", 60_000),
                add(10, 2, "t", 0, 0, P0, P1),
                produce(15, 3, P0, 0, 0, 0, true, "x"),
                end(20, 4, "t", 0, 0, true)));
        Simulation simulation = TxWorld.simulation(
                1, TxWorld.config(), Map.of("c", producer), Latency.constant(Duration.ofMillis(1)), 100);
        LogBroker broker = (LogBroker) simulation.node(TxWorld.BROKER).orElseThrow();

        String stateLog = new String(
                simulation
                        .disk(TxWorld.BROKER)
                        .orElseThrow()
                        .read(TxnCoordinator.STATE_LOG)
                        .orElseThrow(),
                StandardCharsets.UTF_8);
        assertThat(stateLog.lines().map(line -> line.split(" ")[4]))
                .containsExactly("EMPTY", "ONGOING", "PREPARE_COMMIT", "COMPLETE_COMMIT");
        // P1 had no data from the transaction; it still gets its marker, as in Kafka.
        assertThat(broker.records(P1)).extracting(LogRecord::control).containsExactly(LogRecord.Control.COMMIT);
    }

    @Test
    void theCoordinatorAnswersOnlyOnceItsStateLogIsSynced() {
        assertThat(answersWithin(10)).isEmpty();
        assertThat(answersWithin(30)).hasSize(1);
    }

    @Test
    void aTimeoutOutsideTheBrokersRangeIsRefused() {
        Script producer = new Script(List.of(init(1, 1, "t", 0), init(2, 2, "u", 10_000_000)));
        TxWorld.run(1, TxWorld.config(), Map.of("c", producer), 50);

        assertThat(producer.answer(1)).isEqualTo(new TxnRefused(1, ErrorCode.INVALID_TRANSACTION_TIMEOUT));
        assertThat(producer.answer(2)).isEqualTo(new TxnRefused(2, ErrorCode.INVALID_TRANSACTION_TIMEOUT));
    }

    /** The answers to an InitProducerId sent at 1 ms, by {@code runMs}, with syncs of 20 ms. */
    private static List<TxLogMessages.Response> answersWithin(long runMs) {
        Script producer = new Script(List.of(init(1, 1, "t", 60_000)));
        Simulation.builder(1)
                .network(NetworkConfig.reliable(Latency.constant(Duration.ofMillis(1))))
                .disk(DiskConfig.defaults().withSyncLatency(Latency.constant(Duration.ofMillis(20))))
                .addNode(TxWorld.BROKER, any -> new LogBroker(TxWorld.config()))
                .addNode(NodeId.of("c"), any -> producer)
                .build()
                .run(Duration.ofMillis(runMs));
        return producer.answers;
    }
}
