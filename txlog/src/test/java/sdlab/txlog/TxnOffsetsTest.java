package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.txlog.TxWorld.P0;
import static sdlab.txlog.TxWorld.end;
import static sdlab.txlog.TxWorld.init;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.core.NodeId;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;
import sdlab.sim.Simulation;
import sdlab.txlog.GroupMessages.FetchOffsets;
import sdlab.txlog.GroupMessages.GroupError;
import sdlab.txlog.GroupMessages.GroupOk;
import sdlab.txlog.GroupMessages.GroupRefused;
import sdlab.txlog.GroupMessages.OffsetsOk;
import sdlab.txlog.GroupMessages.TxnOffsetCommit;
import sdlab.txlog.TxLogConfig.Bug;
import sdlab.txlog.TxLogMessages.AddOffsetsToTxn;

/**
 * Offsets sent within a transaction (AddOffsetsToTxn, then TxnOffsetCommit to the group) become the group's committed
 * offsets when the transaction commits, and are dropped when it aborts; a fenced producer cannot commit any.
 */
class TxnOffsetsTest {
    static final String GROUP = "g";

    /** What the group's committed offset for P0 was at each look, and the answers to the refused commits. */
    record Outcome(Script script, long traceHash) {
        Long committedAt(long requestId) {
            return ((OffsetsOk) script.groupAnswer(requestId)).offsets().get(P0);
        }
    }

    static Outcome run(long seed, TxLogConfig config, Latency network) {
        Script script = new Script(List.of(
                init(1, 1, "t", 60_000),
                // Without AddOffsetsToTxn the commit does not belong to any transaction.
                commit(5, 2, 0, 0, 3),
                addOffsets(10, 3, 0, 0),
                commit(15, 4, 0, 0, 3),
                look(20, 5),
                end(25, 6, "t", 0, 0, true),
                look(35, 7),
                addOffsets(40, 8, 0, 0),
                commit(45, 9, 0, 0, 8),
                end(50, 10, "t", 0, 0, false),
                look(60, 11),
                // A new instance bumps the epoch; the old one's commit is fenced.
                init(70, 12, "t", 60_000),
                addOffsets(80, 13, 0, 1),
                commit(85, 14, 0, 0, 20),
                look(90, 15)));
        Simulation simulation = Simulation.builder(seed)
                .network(NetworkConfig.reliable(network))
                .disk(DiskConfig.defaults())
                .addNode(TxWorld.BROKER, any -> new LogBroker(config))
                .addNode(NodeId.of("p"), any -> script)
                .build();
        return new Outcome(script, simulation.run(Duration.ofMillis(150)).traceHash());
    }

    static Outcome run(TxLogConfig config) {
        return run(1, config, Latency.constant(Duration.ofMillis(1)));
    }

    @Test
    void offsetsBecomeVisibleOnCommitAndVanishOnAbort() {
        Outcome outcome = run(TxWorld.config());

        assertThat(outcome.committedAt(5))
                .as("pending inside the open transaction")
                .isNull();
        assertThat(((OffsetsOk) outcome.script().groupAnswer(5)).unstable()).containsExactly(P0);
        assertThat(((OffsetsOk) outcome.script().groupAnswer(7)).unstable()).isEmpty();
        assertThat(((OffsetsOk) outcome.script().groupAnswer(11)).unstable())
                .as("dropped by the abort")
                .isEmpty();
        assertThat(outcome.committedAt(7)).as("after the commit").isEqualTo(3L);
        assertThat(outcome.committedAt(11)).as("after the abort").isEqualTo(3L);
        assertThat(outcome.committedAt(15)).as("after the fenced commit").isEqualTo(3L);
    }

    @Test
    void aCommitOutsideATransactionOrFromAFencedEpochIsRefused() {
        Outcome outcome = run(TxWorld.config());

        assertThat(outcome.script().groupAnswer(2)).isEqualTo(new GroupRefused(2, GroupError.INVALID_TXN_STATE));
        assertThat(outcome.script().groupAnswer(4)).isEqualTo(new GroupOk(4));
        assertThat(outcome.script().groupAnswer(14)).isEqualTo(new GroupRefused(14, GroupError.INVALID_PRODUCER_EPOCH));
    }

    @Test
    void plantedBugOffsetsVisibleBeforeTheCommitAreSeenPendingAndAfterTheAbort() {
        Outcome outcome = run(TxWorld.config().withBug(Bug.TXN_OFFSETS_VISIBLE_BEFORE_COMMIT));

        assertThat(outcome.committedAt(5)).isEqualTo(3L);
        assertThat(outcome.committedAt(11))
                .as("the aborted transaction's offset")
                .isEqualTo(8L);
    }

    @Test
    void theSameSeedReplaysTheSameRunOnAJitteryNetwork() {
        Latency jitter = Latency.logNormal(Duration.ofNanos(500_000), 0.8);

        assertThat(run(7, TxWorld.config(), jitter).traceHash())
                .isEqualTo(run(7, TxWorld.config(), jitter).traceHash());
        assertThat(run(8, TxWorld.config(), jitter).traceHash())
                .isNotEqualTo(run(7, TxWorld.config(), jitter).traceHash());
    }

    private static Script.Step addOffsets(long atMs, long id, long pid, int epoch) {
        return new Script.Step(atMs, new AddOffsetsToTxn(id, "t", pid, (short) epoch, GROUP));
    }

    private static Script.Step commit(long atMs, long id, long pid, int epoch, long offset) {
        return new Script.Step(
                atMs, new TxnOffsetCommit(id, "t", GROUP, pid, (short) epoch, -1, "", Map.of(P0, offset)));
    }

    private static Script.Step look(long atMs, long id) {
        return new Script.Step(atMs, new FetchOffsets(id, GROUP, List.of(P0)));
    }
}
