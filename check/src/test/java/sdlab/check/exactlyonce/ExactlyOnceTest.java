package sdlab.check.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.check.testing.HistoryBuilder.history;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.check.testing.HistoryBuilder;
import sdlab.core.history.History;

class ExactlyOnceTest {

    private static HistoryBuilder run(HistoryBuilder b, int node, Object slot) {
        return b.invoke(node, "run", slot).ok(node, "run", slot);
    }

    @Test
    void oneRunPerSlotIsValid() {
        // Two slots, each run once, by different nodes.
        History h = run(run(history(), 0, "job@1"), 1, "job@2").build();
        ExactlyOnceReport report = ExactlyOnce.check(h, "run", List.of("job@1", "job@2"));
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.runs()).isEqualTo(2);
    }

    @Test
    void twoNodesRunningTheSameSlotIsADuplicate() {
        // After a leader change both the old and the new leader ran slot 1.
        History h = run(run(history(), 0, "job@1"), 1, "job@1").build();
        ExactlyOnceReport report = ExactlyOnce.check(h, "run", List.of("job@1"));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.duplicates()).containsEntry("job@1", List.of(0, 1));
    }

    @Test
    void aSlotNobodyRanIsMissed() {
        // Slot 2 never ran.
        History h = run(history(), 0, "job@1").build();
        ExactlyOnceReport report = ExactlyOnce.check(h, "run", List.of("job@1", "job@2"));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.missed()).containsExactly("job@2");
    }

    @Test
    void unknownRunsMakeTheVerdictUnknownNotWrong() {
        // Slot 1 ran ok and also timed out elsewhere; slot 2 only timed out.
        History h = run(history(), 0, "job@1")
                .invoke(1, "run", "job@1")
                .info(1, "run", "job@1")
                .invoke(1, "run", "job@2")
                .info(1, "run", "job@2")
                .build();
        ExactlyOnceReport report = ExactlyOnce.check(h, "run", List.of("job@1", "job@2"));
        assertThat(report.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(report.possibleDuplicates()).containsExactly("job@1");
        assertThat(report.unconfirmed()).containsExactly("job@2");
    }

    @Test
    void sagaStepsAreIdentifiedByLists() {
        // Saga 7's charge step ran twice; failed runs do not count.
        List<Object> charge = List.of("order-7", "charge");
        History h = run(run(history(), 0, charge), 1, charge)
                .invoke(2, "run", List.of("order-7", "ship"))
                .fail(2, "run", List.of("order-7", "ship"))
                .build();
        ExactlyOnceReport report = ExactlyOnce.check(h, "run", List.of());
        assertThat(report.duplicates()).containsEntry(charge, List.of(0, 1)).hasSize(1);
        assertThat(report.runs()).isEqualTo(2);
    }
}
