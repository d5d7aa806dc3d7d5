package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which models each anomaly rules out: the table's rows that carry the most weight. */
class ConsistencyModelsTest {
    @Test
    void writeSkewRulesOutSerializabilityButNotSnapshotIsolation() {
        // Shows: G2-item is the anomaly snapshot isolation allows; G-single is the one it forbids.
        assertThat(ConsistencyModels.ruledOutBy("G2-item"))
                .contains("serializable", "repeatable-read")
                .doesNotContain("snapshot-isolation", "read-committed");
        assertThat(ConsistencyModels.ruledOutBy("G-single")).contains("snapshot-isolation", "serializable");
    }

    @Test
    void sessionAndRealtimeVariantsRuleOutOnlyTheStrongerFlavours() {
        // Shows: a stale read (G-single-realtime) breaks strict serializability, not plain serializability.
        assertThat(ConsistencyModels.ruledOutBy("G-single-realtime"))
                .contains("strict-serializable", "strong-snapshot-isolation")
                .doesNotContain("serializable", "strong-session-serializable");
        assertThat(ConsistencyModels.ruledOutBy("G0-process"))
                .contains("strong-session-read-uncommitted", "strict-serializable")
                .doesNotContain("read-uncommitted", "serializable");
    }

    @Test
    void abortedReadsRuleOutReadCommittedAndAboveOnly() {
        // Shows: G1a is allowed by read uncommitted.
        assertThat(ConsistencyModels.ruledOutBy("G1a"))
                .contains("read-committed")
                .doesNotContain("read-uncommitted");
    }

    @Test
    void aTransactionThatContradictsItselfRulesOutSnapshotLevelsOnly() {
        // Shows: as in Elle, an internal anomaly breaks snapshot isolation and serializability, not read committed.
        assertThat(ConsistencyModels.ruledOutBy("internal"))
                .contains("snapshot-isolation", "serializable")
                .doesNotContain("read-committed", "repeatable-read");
        assertThat(ConsistencyModels.ruledOutBy("lost-update"))
                .contains("snapshot-isolation", "repeatable-read")
                .doesNotContain("read-committed");
    }
}
