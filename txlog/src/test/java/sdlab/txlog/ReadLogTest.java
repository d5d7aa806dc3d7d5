package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.txlog.LogRecord.Control;
import sdlab.txlog.TxLogConfig.Bug;

/**
 * The log as Kafka's broker sends it to a consumer that filters for itself: markers and aborted records included,
 * read_committed cut at the last stable offset and told which transactions aborted in the range it read.
 */
class ReadLogTest {

    @Test
    void readCommittedStopsAtTheLastStableOffsetAndListsTheAbortedTransaction() {
        IsolationScenario.Outcome outcome = IsolationScenario.run(1, TxWorld.config());

        // Offsets: commit-1 0, commit-2 1, abort-1 2 (producer 1), commit marker 3, abort marker 4, open-1 5, ...
        assertThat(outcome.logCommitted().records())
                .extracting(LogRecord::offset)
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(outcome.logCommitted().records())
                .extracting(LogRecord::control)
                .containsExactly(Control.NONE, Control.NONE, Control.NONE, Control.COMMIT, Control.ABORT);
        assertThat(outcome.logCommitted().abortedTxns()).containsExactly(new AbortedTxn(1, 2, 4));
        assertThat(outcome.logCommitted().lastStableOffset()).isEqualTo(5);
    }

    @Test
    void readUncommittedGetsEverythingUpToTheHighWatermarkAndNoAbortedList() {
        IsolationScenario.Outcome outcome = IsolationScenario.run(1, TxWorld.config());

        assertThat(outcome.logUncommitted().records()).hasSize((int) outcome.highWatermark());
        assertThat(outcome.logUncommitted().records())
                .filteredOn(LogRecord::isMarker)
                .hasSize(3);
        assertThat(outcome.logUncommitted().abortedTxns()).isEmpty();
    }

    @Test
    void plantedBugsShowInTheRawReadToo() {
        IsolationScenario.Outcome ignoresIndex =
                IsolationScenario.run(1, TxWorld.config().withBug(Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX));
        IsolationScenario.Outcome pastLso =
                IsolationScenario.run(1, TxWorld.config().withBug(Bug.READ_COMMITTED_PAST_LSO));

        assertThat(ignoresIndex.logCommitted().abortedTxns()).isEmpty();
        assertThat(pastLso.logCommitted().records())
                .extracting(LogRecord::value)
                .contains("open-1");
    }
}
