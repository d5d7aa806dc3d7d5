package sdlab.consensus.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvStateMachineTest {

    @Test
    void aRetriedWriteAppliesOnceAndItsRetryGetsTheFirstResult() {
        // The same (session, sequence) twice in the log: the second changes nothing and answers
        // like the first, even though the value changed in between through another session.
        KvStateMachine machine = new KvStateMachine();
        Command.Cas cas = new Command.Cas("a", 1, "k", null, 1L);

        assertThat(machine.apply(1, cas)).isEqualTo(new KvStateMachine.Result(true, 1L));
        machine.apply(2, new Command.Put("b", 1, "k", 2L));
        assertThat(machine.apply(3, cas)).isEqualTo(new KvStateMachine.Result(true, 1L));

        assertThat(machine.read("k")).isEqualTo(2L);
        assertThat(machine.cached("a", 1)).isEqualTo(new KvStateMachine.Result(true, 1L));
    }

    @Test
    void aCasWhoseCompareFailsChangesNothing() {
        KvStateMachine machine = new KvStateMachine();
        machine.apply(1, new Command.Put("a", 1, "k", "x"));

        assertThat(machine.apply(2, new Command.Cas("a", 2, "k", "y", "z")))
                .isEqualTo(new KvStateMachine.Result(false, "x"));
        assertThat(machine.read("k")).isEqualTo("x");
        assertThat(machine.isStale("a", 1)).isTrue();
        assertThat(machine.apply(3, new Command.Put("a", 1, "k", "old"))).isNull();
        assertThat(machine.read("k")).isEqualTo("x");
    }
}
