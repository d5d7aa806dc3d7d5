package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * read_committed returns only committed records and stops at the last stable offset while a transaction is open;
 * read_uncommitted returns every data record up to the high watermark. Neither returns a marker.
 */
class IsolationTest {

    @Test
    void readCommittedSkipsAbortedRecordsAndStopsAtTheLastStableOffset() {
        IsolationScenario.Outcome outcome = IsolationScenario.run(1, TxWorld.config());

        // Offsets: commit-1 0, commit-2 1, abort-1 2, commit marker 3, abort marker 4, open-1 5, ...
        assertThat(outcome.lastStableOffset()).isEqualTo(5);
        assertThat(outcome.highWatermark()).isEqualTo(9);
        assertThat(outcome.committed().records()).extracting(LogRecord::value).containsExactly("commit-1", "commit-2");
        assertThat(outcome.committed().nextFetchOffset()).isEqualTo(5);
        assertThat(outcome.forbiddenReadCommitted()).isEmpty();
    }

    @Test
    void readUncommittedReturnsAbortedAndOpenRecordsButNoMarkers() {
        IsolationScenario.Outcome outcome = IsolationScenario.run(1, TxWorld.config());

        assertThat(outcome.uncommitted().records())
                .extracting(LogRecord::value)
                .containsExactly("commit-1", "commit-2", "abort-1", "open-1", "plain-1", "commit-3");
        assertThat(outcome.uncommitted().nextFetchOffset()).isEqualTo(outcome.highWatermark());
    }
}
