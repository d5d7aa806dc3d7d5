package sdlab.check.session;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.check.testing.HistoryBuilder.history;

import org.junit.jupiter.api.Test;
import sdlab.check.history.OperationNames;
import sdlab.core.history.History;

class SessionGuaranteesTest {

    @Test
    void aLinearizableHistoryKeepsEveryGuarantee() {
        // Sequential writes and reads that always see the latest value violate nothing.
        History h = history()
                .key("x")
                .write(0, 1L)
                .read(1, 1L)
                .key("y")
                .write(1, 2L)
                .read(0, 2L)
                .key("x")
                .read(0, 1L)
                .build();
        SessionReport report = SessionGuarantees.check(h);
        assertThat(report.holds()).isTrue();
        assertThat(report.readsChecked()).isEqualTo(3);
    }

    @Test
    void readingAnOlderValueThanOnesOwnWriteBreaksReadYourWrites() {
        // Process 1 writes 2 over 1 and then reads 1 back: it does not see its own write.
        History h = history().write(0, 1L).write(1, 2L).read(1, 1L).build();
        SessionReport report = SessionGuarantees.check(h);
        assertThat(report.count(Guarantee.READ_YOUR_WRITES)).isEqualTo(1);
        SessionViolation v = report.examples().get(0);
        assertThat(v.process()).isEqualTo(1);
        assertThat(v.valueRead()).isEqualTo(1L);
        assertThat(v.causeValue()).isEqualTo(2L);
        assertThat(v.explanation()).contains("own completed write of 2");
    }

    @Test
    void anExplanationNamesProcessesAndOperationsAsItIsTold() {
        // Process 1's read (op 2) missed its own write (op 1): by default in the checker's numbering,
        // or in a world's own names, here a trace that calls process p "c(p+1)" and counts ops from 1.
        SessionViolation v = SessionGuarantees.check(
                        history().write(0, 1L).write(1, 2L).read(1, 1L).build())
                .examples()
                .get(0);
        OperationNames trace = new OperationNames() {
            @Override
            public String process(int process) {
                return "c" + (process + 1);
            }

            @Override
            public String operation(int id) {
                return "op " + (id + 1);
            }
        };

        assertThat(v.explanation())
                .isEqualTo(v.explanation(OperationNames.NUMBERED))
                .startsWith("process 1 read 1 at key '' (op 2)")
                .endsWith("(op 1)");
        assertThat(v.explanation(trace))
                .startsWith("c2 read 1 at key '' (op 3)")
                .endsWith("(op 2)");
    }

    @Test
    void readingTheInitialValueAfterOwnWriteBreaksReadYourWrites() {
        // A null read after the process's own completed write shows the write was not visible to it.
        History h = history().write(0, 5L).read(0, null).build();
        assertThat(SessionGuarantees.check(h).count(Guarantee.READ_YOUR_WRITES)).isEqualTo(1);
    }

    @Test
    void anotherProcessReadingOldValuesBreaksNoSessionGuarantee() {
        // Process 1 never wrote nor read 2, so reading 1 is stale but not a session violation.
        History h = history().write(0, 1L).write(0, 2L).read(1, 1L).build();
        assertThat(SessionGuarantees.check(h).holds()).isTrue();
    }

    @Test
    void readingBackwardsBreaksMonotonicReads() {
        // Process 2 reads 2 and then 1, although 1 was overwritten before 2 was written.
        History h = history().write(0, 1L).write(1, 2L).read(2, 2L).read(2, 1L).build();
        SessionReport report = SessionGuarantees.check(h);
        assertThat(report.count(Guarantee.MONOTONIC_READS)).isEqualTo(1);
        assertThat(report.count(Guarantee.READ_YOUR_WRITES)).isZero();
    }

    @Test
    void readingBackAmongConcurrentWritesKeepsMonotonicReads() {
        // Writes of 1 and 2 overlap, so 2 then 1 may be the order the system chose... and back is not allowed,
        // but real time cannot prove it: the check stays silent rather than guess.
        History h = history()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .ok(0, "write", 1L)
                .ok(1, "write", 2L)
                .read(2, 2L)
                .read(2, 1L)
                .build();
        assertThat(SessionGuarantees.check(h).count(Guarantee.MONOTONIC_READS)).isZero();
    }

    @Test
    void seeingALaterWriteWithoutTheEarlierOneBreaksMonotonicWrites() {
        // Process 0 writes x=1 then y=1; process 1 sees y=1 but then reads x as never written.
        History h = history()
                .key("x")
                .write(0, 1L)
                .key("y")
                .write(0, 1L)
                .read(1, 1L)
                .key("x")
                .read(1, null)
                .build();
        SessionReport report = SessionGuarantees.check(h);
        assertThat(report.count(Guarantee.MONOTONIC_WRITES)).isEqualTo(1);
        assertThat(report.count(Guarantee.WRITES_FOLLOW_READS)).isZero();
        assertThat(report.examples().get(0).key()).isEqualTo("x");
    }

    @Test
    void seeingAWriteWithoutWhatItsWriterHadReadBreaksWritesFollowReads() {
        // Process 1 reads x=1 and then writes y=2; process 2 sees y=2 but then reads x as never written.
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
        SessionReport report = SessionGuarantees.check(h);
        assertThat(report.count(Guarantee.WRITES_FOLLOW_READS)).isEqualTo(1);
        assertThat(report.count(Guarantee.MONOTONIC_WRITES)).isZero();
        assertThat(report.examples().get(0).causeValue()).isEqualTo(1L);
    }

    @Test
    void unknownWritesAreNeitherObligationsNorEvidence() {
        // Process 0's timed-out write of x may never happen: reading x as null after seeing y is fine.
        History h = history()
                .key("x")
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .key("y")
                .write(0, 1L)
                .read(1, 1L)
                .key("x")
                .read(1, null)
                .build();
        assertThat(SessionGuarantees.check(h).holds()).isTrue();
    }
}
