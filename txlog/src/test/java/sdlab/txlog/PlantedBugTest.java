package sdlab.txlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.txlog.TxLogConfig.Bug;

/** The isolation claim can fail: a read_committed that ignores the aborted index, or reads past the LSO, breaks it. */
class PlantedBugTest {

    @Test
    void readCommittedThatIgnoresTheAbortedIndexReturnsAnAbortedRecord() {
        IsolationScenario.Outcome outcome =
                IsolationScenario.run(1, TxWorld.config().withBug(Bug.READ_COMMITTED_IGNORES_ABORTED_INDEX));

        assertThat(outcome.forbiddenReadCommitted()).containsExactly("abort-1");
    }

    @Test
    void readCommittedPastTheLastStableOffsetReturnsAnOpenTransactionsRecord() {
        IsolationScenario.Outcome outcome =
                IsolationScenario.run(1, TxWorld.config().withBug(Bug.READ_COMMITTED_PAST_LSO));

        assertThat(outcome.forbiddenReadCommitted()).containsExactly("open-1");
    }
}
