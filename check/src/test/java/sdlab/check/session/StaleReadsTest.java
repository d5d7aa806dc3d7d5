package sdlab.check.session;

import static org.assertj.core.api.Assertions.assertThat;
import static sdlab.check.testing.HistoryBuilder.history;

import org.junit.jupiter.api.Test;
import sdlab.core.history.History;

class StaleReadsTest {

    @Test
    void readOfTheNewestCompletedWriteIsFresh() {
        // A read after two sequential writes that returns the second is not stale.
        History h = history().write(0, 1L).write(0, 2L).read(1, 2L).build();
        StaleReadReport report = StaleReads.count(h);
        assertThat(report.readsChecked()).isEqualTo(1);
        assertThat(report.staleReads()).isZero();
    }

    @Test
    void readOfAnOverwrittenValueIsStale() {
        // The write of 1 completed before the write of 2 began, which completed before the read.
        History h = history().write(0, 1L).write(1, 2L).read(2, 1L).build();
        StaleReadReport report = StaleReads.count(h);
        assertThat(report.staleReads()).isEqualTo(1);
        StaleRead example = report.examples().get(0);
        assertThat(example.valueRead()).isEqualTo(1L);
        assertThat(example.newerValue()).isEqualTo(2L);
        assertThat(example.process()).isEqualTo(2);
        assertThat(example.readInvokeIndex()).isEqualTo(4);
        assertThat(example.newerWriteCompleteIndex()).isEqualTo(3);
    }

    @Test
    void readOfTheInitialValueAfterACompletedWriteIsStale() {
        // Null is the value before every write; a read that begins after a write completed must not see it.
        History h = history().write(0, 7L).read(1, null).build();
        assertThat(StaleReads.count(h).staleReads()).isEqualTo(1);
    }

    @Test
    void readOfAConcurrentWritesValueIsNotStale() {
        // Writes of 1 and 2 overlap: the system may order 1 after 2, so reading 1 is allowed.
        History h = history()
                .invoke(0, "write", 1L)
                .invoke(1, "write", 2L)
                .ok(0, "write", 1L)
                .ok(1, "write", 2L)
                .read(2, 1L)
                .build();
        assertThat(StaleReads.count(h).staleReads()).isZero();
    }

    @Test
    void readConcurrentWithTheNewerWriteIsNotStale() {
        // The read begins before the write of 2 completes, so it may precede it.
        History h = history()
                .write(0, 1L)
                .invoke(1, "write", 2L)
                .invoke(2, "read", null)
                .ok(1, "write", 2L)
                .ok(2, "read", 1L)
                .build();
        assertThat(StaleReads.count(h).staleReads()).isZero();
    }

    @Test
    void unknownWritesNeverMakeAReadStale() {
        // A timed-out write may never have happened, and a read of its value may be the newest.
        History h = history()
                .invoke(0, "write", 1L)
                .info(0, "write", 1L)
                .write(1, 2L)
                .read(2, 1L)
                .read(2, 2L)
                .build();
        assertThat(StaleReads.count(h).staleReads()).isZero();
    }

    @Test
    void failedWritesAreNeverWrittenSoReadingThemIsUnexplained() {
        // A read of a value whose only write failed is not stale but reported apart.
        History h = history()
                .invoke(0, "write", 1L)
                .fail(0, "write", 1L)
                .read(1, 1L)
                .build();
        StaleReadReport report = StaleReads.count(h);
        assertThat(report.staleReads()).isZero();
        assertThat(report.unexplainedReads()).isEqualTo(1);
    }

    @Test
    void staleReadsAreCountedPerKey() {
        // Keys are independent registers: a read of key b is judged only by writes of b.
        History h = history()
                .key("a")
                .write(0, 1L)
                .write(0, 2L)
                .key("b")
                .write(0, 3L)
                .read(1, 3L)
                .key("a")
                .read(1, 1L)
                .read(1, 2L)
                .key("b")
                .invoke(0, "get", null)
                .ok(0, "get", null)
                .build();
        StaleReadReport report = StaleReads.count(h);
        assertThat(report.readsChecked()).isEqualTo(4);
        assertThat(report.staleReads()).isEqualTo(2);
        assertThat(report.staleReadsByKey())
                .containsEntry("a", 1)
                .containsEntry("b", 1)
                .hasSize(2);
        assertThat(report.staleFraction()).isEqualTo(0.5);
    }

    @Test
    void examplesAreBoundedButTheCountIsNot() {
        // Ten stale reads give ten in the count and five examples, the earliest first.
        var b = history().write(0, 1L).write(0, 2L);
        for (int i = 0; i < 10; i++) {
            b.read(1, 1L);
        }
        StaleReadReport report = StaleReads.count(b.build());
        assertThat(report.staleReads()).isEqualTo(10);
        assertThat(report.examples()).hasSize(StaleReads.EXAMPLES_MAX);
        assertThat(report.examples().get(0).readInvokeIndex()).isEqualTo(4);
    }
}
