package sdlab.check.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static sdlab.check.testing.HistoryBuilder.history;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.core.history.History;

class OperationsTest {

    @Test
    void pairsEachInvocationWithItsProcesssNextEntry() {
        // Two overlapping operations: each completion belongs to its own process's invocation.
        History h = history()
                .invoke(0, "write", 1L)
                .invoke(1, "read", null)
                .ok(1, "read", 1L)
                .ok(0, "write", 1L)
                .build();
        List<Operation> ops = Operations.of(h);
        assertThat(ops).hasSize(2);
        assertThat(ops.get(0))
                .extracting(Operation::id, Operation::f, Operation::invokeIndex, Operation::completeIndex)
                .containsExactly(0, "write", 0, 3);
        assertThat(ops.get(1))
                .extracting(Operation::input, Operation::output, Operation::status)
                .containsExactly(null, 1L, Status.OK);
        assertThat(ops.get(0).concurrentWith(ops.get(1))).isTrue();
    }

    @Test
    void infoAndMissingCompletionsAreUnknownAndNeverComplete() {
        // An info entry frees its process; an invocation left open at the end is unknown too.
        History h = history()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .invoke(0, "write", 2L)
                .invoke(1, "write", 3L)
                .fail(1, "write", 3L)
                .build();
        List<Operation> ops = Operations.of(h);
        assertThat(ops).extracting(Operation::status).containsExactly(Status.UNKNOWN, Status.UNKNOWN, Status.FAIL);
        assertThat(ops.get(0).completeIndex()).isEqualTo(Operation.NEVER);
        assertThat(ops.get(0).error()).isEqualTo("timed out");
        assertThat(ops.get(1).error()).isEqualTo("no completion");
        assertThat(ops.get(0).precedes(ops.get(2))).isFalse();
    }

    @Test
    void rejectsACompletionWithoutInvocation() {
        // Process 2 reports a result for nothing it started.
        History h = history().ok(2, "read", 1L).build();
        assertThatThrownBy(() -> Operations.of(h))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessage("history entry 1: process 2 completed an operation it never invoked");
    }

    @Test
    void rejectsASecondInvocationWhileOneIsOpen() {
        // One operation at a time per process; an unknown outcome must be reported with info.
        History h = history().invoke(0, "read", null).invoke(0, "read", null).build();
        assertThatThrownBy(() -> Operations.of(h))
                .hasMessageContaining("invoked again before its operation at entry 1");
    }

    @Test
    void rejectsACompletionOfAnotherOperation() {
        // The completion must name the operation that was invoked.
        History h = history().invoke(0, "read", null).ok(0, "write", 1L).build();
        assertThatThrownBy(() -> Operations.of(h)).hasMessageContaining("completed :write but invoked :read");
    }
}
