package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Process and real-time order, as edges: what they claim and what they must not. */
class SessionEdgesTest {
    @Test
    void aTransactionOfUnknownOutcomeOrdersNothingAfterIt() {
        // Shows: process 1 crashes mid-append (info) and goes on; its append may land after the read,
        // so the read missing it is no anomaly, whichever order is used.
        Script script = new Script()
                .invoke(1, "[:append :x 1]")
                .info(1, "[:append :x 1]")
                .txn(1, "[:r :x []]")
                .txn(2, "[:r :x [1]]");

        assertThat(TxnChecks.check(script.edn(), TxnModel.LIST_APPEND).anomalies())
                .isEmpty();
    }

    @Test
    void realTimeEdgesConnectEveryOrderedPairThroughTheFrontier() {
        // Shows: the reduced real-time edges still reach every later transaction: a chain of twenty
        // sequential transactions, each reading the previous append, then a stale read at the end.
        Script script = new Script();
        StringBuilder list = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            script.txn(i % 3, "[:r :x [" + list + "]] [:append :x " + i + "]");
            list.append(i == 1 ? "" : " ").append(i);
        }
        script.txn(7, "[:r :x [1]]");

        TxnResult result = TxnChecks.check(script.edn(), TxnModel.LIST_APPEND);

        assertThat(result.counts()).containsOnlyKeys("G-single-realtime");
    }

    @Test
    void aRealTimeVariantIsLeftOutWhenTheSameComponentsPlainCycleSaysMore() {
        // Shows: T1 misses T0's y but sees x after it: G-single. Real time closes the same cycle too,
        // but G-single-realtime would rule out nothing G-single does not, so only G-single is reported.
        Script script = new Script()
                .txn(0, "[:append :x 1] [:append :y 1]")
                .txn(1, "[:append :x 2] [:r :y []]")
                .txn(2, "[:r :x [1 2]]");

        TxnResult result = TxnChecks.check(script.edn(), TxnModel.LIST_APPEND);

        assertThat(result.counts()).containsOnlyKeys("G-single");
    }
}
