package sdlab.check.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.check.testing.HistoryBuilder.history;

import org.junit.jupiter.api.Test;
import sdlab.check.Verdict;
import sdlab.core.history.History;

class CausalConsistencyTest {

    @Test
    void readsThatFollowTheCausalChainAreValid() {
        // x=1, then process 1 reads it and writes y=2; process 2 sees y=2 and then x=1.
        History h = history()
                .key("x")
                .write(0, 1L)
                .read(1, 1L)
                .key("y")
                .write(1, 2L)
                .read(2, 2L)
                .key("x")
                .read(2, 1L)
                .build();
        CausalReport report = CausalConsistency.check(h);
        assertThat(report.verdict()).isEqualTo(Verdict.VALID);
        assertThat(report.readsChecked()).isEqualTo(3);
    }

    @Test
    void missingACausallyEarlierWriteIsAViolation() {
        // Process 2 saw y=2, which depends on x=1, and then reads x as never written.
        History h = history()
                .key("x")
                .write(0, 1L)
                .read(1, 1L)
                .key("y")
                .write(1, 2L)
                .read(2, 2L)
                .key("x")
                .read(2, null)
                .build();
        CausalReport report = CausalConsistency.check(h);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        CausalViolation v = report.examples().get(0);
        assertThat(v.kind()).isEqualTo(CausalViolation.Kind.OVERWRITTEN_IN_CAUSAL_PAST);
        assertThat(v.process()).isEqualTo(2);
        assertThat(v.causeValue()).isEqualTo(1L);
    }

    @Test
    void aStaleReadOutsideTheCausalPastIsAllowed() {
        // Process 1 never saw x=1, so reading nil long after it completed is causally fine.
        History h = history().key("x").write(0, 1L).read(1, null).build();
        assertThat(CausalConsistency.check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readingAnOverwrittenValueAfterItsSuccessorIsAViolation() {
        // x=1 then x=2 by one process; reading 2 and then 1 goes back in causal time.
        History h = history()
                .key("x")
                .write(0, 1L)
                .write(0, 2L)
                .read(1, 2L)
                .read(1, 1L)
                .build();
        CausalReport report = CausalConsistency.check(h);
        assertThat(report.violations()).isEqualTo(1);
        assertThat(report.examples().get(0).valueRead()).isEqualTo(1L);
    }

    @Test
    void readingFromOnesOwnFutureIsACycle() {
        // Process 0 reads 5 and only afterwards writes 5: the read depends on its own consequence.
        History h = history().key("x").read(0, 5L).write(0, 5L).build();
        CausalReport report = CausalConsistency.check(h);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(report.examples().get(0).kind()).isEqualTo(CausalViolation.Kind.CAUSAL_CYCLE);
    }

    @Test
    void unknownWritesDoNotOrderTheirProcesssLaterOperations() {
        // x=1 timed out and may take effect late, so seeing the later y=2 does not oblige seeing x=1.
        History h = history()
                .key("x")
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .key("y")
                .write(0, 2L)
                .read(1, 2L)
                .key("x")
                .read(1, null)
                .build();
        assertThat(CausalConsistency.check(h).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void aValueNobodyWroteIsAViolation() {
        // 9 was never written.
        History h = history().key("x").write(0, 1L).read(1, 9L).build();
        CausalReport report = CausalConsistency.check(h);
        assertThat(report.examples())
                .extracting(CausalViolation::kind)
                .containsExactly(CausalViolation.Kind.VALUE_NEVER_WRITTEN);
    }
}
