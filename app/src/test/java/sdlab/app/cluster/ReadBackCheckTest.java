package sdlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sdlab.app.cluster.ReadBackCheck.Read;
import sdlab.app.cluster.ReadBackCheck.Sent;

/** The read-back check names each way a log can break its word: lost, duplicated, moved, reordered, unacknowledged. */
class ReadBackCheckTest {
    private static final List<Sent> SENT =
            List.of(new Sent(0, "a", 0, null), new Sent(0, "b", 1, null), new Sent(1, "c", 0, null));

    @Test
    void holdsWhenEveryAcknowledgedRecordIsReadOnceWhereItWasAcknowledged() {
        assertThat(ReadBackCheck.problems(SENT, List.of(new Read(0, 0, "a"), new Read(0, 1, "b"), new Read(1, 0, "c"))))
                .isEmpty();
    }

    @Test
    void namesLostDuplicatedMovedAndUnacknowledgedRecords() {
        assertThat(ReadBackCheck.problems(SENT, List.of(new Read(0, 0, "a"), new Read(0, 1, "b"))))
                .containsExactly("lost: c acknowledged at 1@0");
        assertThat(ReadBackCheck.problems(
                        SENT,
                        List.of(new Read(0, 0, "a"), new Read(0, 1, "b"), new Read(0, 2, "b"), new Read(1, 0, "c"))))
                .containsExactly("duplicated: b read at 0@[1, 2]");
        assertThat(ReadBackCheck.problems(SENT, List.of(new Read(0, 0, "a"), new Read(0, 5, "b"), new Read(1, 0, "c"))))
                .containsExactly("moved: b acknowledged at 0@1, read at 5");
        assertThat(ReadBackCheck.problems(List.of(new Sent(2, "d", -1, "TimeoutException")), List.of()))
                .containsExactly("not acknowledged: d to partition 2 (TimeoutException)");
    }

    @Test
    void namesARecordAcknowledgedBeforeOneSentEarlier() {
        List<Sent> reordered = List.of(new Sent(0, "a", 1, null), new Sent(0, "b", 0, null));
        assertThat(ReadBackCheck.problems(reordered, List.of(new Read(0, 1, "a"), new Read(0, 0, "b"))))
                .containsExactly("out of order: b at 0@0 after an earlier send at 1");
    }
}
