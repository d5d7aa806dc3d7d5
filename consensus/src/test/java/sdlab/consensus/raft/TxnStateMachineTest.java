package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sdlab.consensus.raft.Command.Absent;
import sdlab.consensus.raft.Command.Add;
import sdlab.consensus.raft.Command.AtLeast;
import sdlab.consensus.raft.Command.KeyValue;
import sdlab.consensus.raft.Command.SetValue;
import sdlab.consensus.raft.Command.Txn;
import sdlab.consensus.raft.Command.ValueEquals;

/** The multi-key transaction of the Raft state machine: all of its writes or none, once per session sequence. */
class TxnStateMachineTest {

    private static Txn transfer(String session, long sequence, long amount) {
        return new Txn(
                session,
                sequence,
                List.of(new AtLeast("a", amount)),
                List.of(new Add("a", -amount), new Add("b", amount)));
    }

    private static KvStateMachine withBalances(long a, long b) {
        KvStateMachine machine = new KvStateMachine();
        machine.apply(1, new Command.Put("setup", 1, "a", a));
        machine.apply(2, new Command.Put("setup", 2, "b", b));
        return machine;
    }

    @Test
    void whenEveryConditionHoldsEveryWriteIsMadeAndTheResultShowsTheValuesBefore() {
        KvStateMachine machine = withBalances(100, 5);

        KvStateMachine.Result result = machine.apply(3, transfer("c", 1, 30));

        assertThat(result.ok()).isTrue();
        assertThat(result.failedCondition()).isEqualTo(KvStateMachine.Result.NONE_FAILED);
        assertThat(result.before()).containsExactly(new KeyValue("a", 100L), new KeyValue("b", 5L));
        assertThat(machine.read("a")).isEqualTo(70L);
        assertThat(machine.read("b")).isEqualTo(35L);
    }

    @Test
    void whenOneConditionFailsNoWriteIsMadeAndTheResultNamesIt() {
        // The second of three conditions fails: the first write would have been fine on its own,
        // and still nothing is written.
        KvStateMachine machine = withBalances(100, 5);
        Txn txn = new Txn(
                "c",
                1,
                List.of(new ValueEquals("a", 100L), new AtLeast("b", 6), new Absent("c")),
                List.of(new SetValue("a", 1L), new Add("b", 1), new SetValue("c", "x")));

        KvStateMachine.Result result = machine.apply(3, txn);

        assertThat(result.ok()).isFalse();
        assertThat(result.failedCondition()).isEqualTo(1);
        assertThat(result.before())
                .containsExactly(new KeyValue("a", 100L), new KeyValue("b", 5L), new KeyValue("c", null));
        assertThat(Map.of("a", machine.read("a"), "b", machine.read("b"))).isEqualTo(Map.of("a", 100L, "b", 5L));
        assertThat(machine.read("c")).isNull();
    }

    @Test
    void eachKindOfConditionHoldsOnlyWhereItShould() {
        KvStateMachine machine = withBalances(10, 5);
        machine.apply(3, new Command.Put("setup", 3, "s", "text"));

        assertThat(holds(machine, 4, new ValueEquals("a", 10L))).isTrue();
        assertThat(holds(machine, 5, new ValueEquals("a", "10"))).isFalse(); // a String is not the number
        assertThat(holds(machine, 6, new Absent("nothing"))).isTrue();
        assertThat(holds(machine, 7, new Absent("a"))).isFalse();
        assertThat(holds(machine, 8, new AtLeast("a", 10))).isTrue();
        assertThat(holds(machine, 9, new AtLeast("a", 11))).isFalse();
        assertThat(holds(machine, 10, new AtLeast("s", 0))).isFalse(); // a String is no number
        assertThat(holds(machine, 11, new AtLeast("nothing", 0))).isFalse(); // nor is no value
    }

    @Test
    void anAddToAStringWritesNothingAtAll() {
        KvStateMachine machine = withBalances(10, 5);
        machine.apply(3, new Command.Put("setup", 3, "s", "text"));

        KvStateMachine.Result result =
                machine.apply(4, new Txn("c", 1, List.of(), List.of(new Add("a", 1), new Add("s", 1))));

        assertThat(result.ok()).isFalse();
        assertThat(result.failedCondition()).isEqualTo(KvStateMachine.Result.NOT_A_NUMBER);
        assertThat(machine.read("a")).isEqualTo(10L);
    }

    @Test
    void anAddToAnAbsentKeyStartsFromZeroAndASetOfNullDeletes() {
        KvStateMachine machine = withBalances(10, 5);

        machine.apply(3, new Txn("c", 1, List.of(), List.of(new Add("new", -3), new SetValue("a", null))));

        assertThat(machine.read("new")).isEqualTo(-3L);
        assertThat(machine.read("a")).isNull();
    }

    @Test
    void aRetriedTransactionAppliesOnceAndItsRetryGetsTheFirstResult() {
        // The same (session, sequence) twice in the log, as when a client retries at a new leader
        // that already holds the first copy: the money moves once, and the retry's answer is the
        // first application's, not a fresh evaluation against the balances now.
        KvStateMachine machine = withBalances(100, 0);
        Txn move = transfer("c", 1, 60);

        KvStateMachine.Result first = machine.apply(3, move);
        KvStateMachine.Result retry = machine.apply(4, move);

        assertThat(retry).isEqualTo(first);
        assertThat(first.ok()).isTrue();
        assertThat(machine.read("a")).isEqualTo(40L);
        assertThat(machine.read("b")).isEqualTo(60L);
        assertThat(machine.cached("c", 1)).isEqualTo(first);
        assertThat(machine.apply(5, transfer("c", 0, 1))).isNull(); // an older sequence is a stale duplicate
        assertThat(machine.read("a")).isEqualTo(40L);
    }

    @Test
    void theSnapshotKeepsATransactionsCachedResult() {
        KvStateMachine machine = withBalances(100, 0);
        KvStateMachine.Result first = machine.apply(3, transfer("c", 1, 60));

        Snapshot snapshot = machine.snapshot(1, List.of(), new byte[0]);
        KvStateMachine restored = KvStateMachine.restore(
                LogCodec.decodeSnapshot(LogCodec.encodeSnapshot(snapshot)).orElseThrow());

        assertThat(restored.apply(4, transfer("c", 1, 60))).isEqualTo(first);
        assertThat(restored.read("a")).isEqualTo(40L);
    }

    @Test
    void withThePlantedBugTheConditionIsIgnoredAndTheBalanceGoesNegative() {
        KvStateMachine machine = new KvStateMachine(RaftConfig.Bug.TXN_CONDITIONS_IGNORED);
        machine.apply(1, new Command.Put("setup", 1, "a", 10L));

        assertThat(machine.apply(2, transfer("c", 1, 30)).ok()).isTrue();
        assertThat(machine.read("a")).isEqualTo(-20L);
    }

    private static boolean holds(KvStateMachine machine, long index, Command.Condition condition) {
        return machine.apply(index, new Txn("probe", index, List.of(condition), List.of()))
                .ok();
    }
}
