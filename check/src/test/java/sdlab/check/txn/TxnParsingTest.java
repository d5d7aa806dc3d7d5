package sdlab.check.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sdlab.check.history.MalformedHistoryException;

/** Transactions read from the shapes Jepsen and elle-cli write, and bad ones named with their place. */
class TxnParsingTest {
    @Test
    void jsonAndEdnMicroOperationsReadAlike() {
        // Shows: [["append",1,2],["r",1,[1,2]]] in JSON and [[:append 1 2] [:r 1 [1 2]]] in EDN are one transaction.
        String json =
                """
                [{"process":0,"type":"invoke","f":"txn","value":[["append",1,2],["r",1,null]]},
                 {"process":0,"type":"ok","f":"txn","value":[["append",1,2],["r",1,[2]]]}]
                """;
        String edn =
                """
                [{:process 0, :type :invoke, :f :txn, :value [[:append 1 2] [:r 1 nil]], :index 0}
                 {:process 0, :type :ok, :f :txn, :value [[:append 1 2] [:r 1 [2]]], :index 1}]
                """;

        TxnHistory fromJson = TxnHistory.parse(json, TxnModel.LIST_APPEND);
        TxnHistory fromEdn = TxnHistory.parse(edn, TxnModel.LIST_APPEND);

        for (TxnHistory h : new TxnHistory[] {fromJson, fromEdn}) {
            assertThat(h.size()).isEqualTo(1);
            Txn t = h.txns().get(0);
            assertThat(t.ops().get(0)).isEqualTo(new MicroOp.Append(0, 2));
            assertThat(((MicroOp.Read) t.ops().get(1)).observed()).containsExactly(2L);
            assertThat(h.keyName(0)).isEqualTo("1");
        }
    }

    @Test
    void aWrongMicroOperationNamesItsEntryAndWhatWasExpected() {
        // Shows: a register write in a list-append history is refused with the entry that holds it.
        String edn =
                """
                {:process 0, :type :invoke, :f :txn, :value [[:w :x 1]]}
                {:process 0, :type :ok, :f :txn, :value [[:w :x 1]]}
                """;

        assertThatThrownBy(() -> TxnHistory.parse(edn, TxnModel.LIST_APPEND))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("history entry 2")
                .hasMessageContaining("expected micro-operation r or append");
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        // Shows: the reader's line numbers reach the user for transactional histories too.
        String edn =
                """
                {:process 0, :type :invoke, :f :txn, :value [[:append :x 1]]}
                {:process 0, :type :ok, :f :txn, :value [[:append :x 1]}
                """;

        assertThatThrownBy(() -> TxnHistory.parse(edn, TxnModel.LIST_APPEND))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageStartingWith("line 2");
    }

    @Test
    void aValueAppendedTwiceIsRefusedBecauseReadsCouldNotNameTheirWriter() {
        // Shows: the workload's contract (unique appended values per key) is checked, not assumed.
        String edn =
                new Script().txn(0, "[:append :x 1]").txn(1, "[:append :x 1]").edn();

        assertThatThrownBy(() -> TxnChecker.standard().check(TxnHistory.parse(edn, TxnModel.LIST_APPEND)))
                .isInstanceOf(MalformedHistoryException.class)
                .hasMessageContaining("both append 1 to key x");
    }

    @Test
    void elleCliHistoriesWithoutAnOperationNameReadAsTransactions() {
        // Shows: entries with an index and no "f", the shape elle-cli's own test histories have, are read.
        String json =
                """
                [{"index":0,"process":0,"type":"invoke","value":[["append",1,1]]},
                 {"index":1,"process":0,"type":"ok","value":[["append",1,1]]},
                 {"index":2,"process":1,"type":"invoke","value":[["r",1,null]]},
                 {"index":3,"process":1,"type":"ok","value":[["r",1,[1]]]}]
                """;

        TxnHistory history = TxnHistory.parse(json, TxnModel.LIST_APPEND);

        assertThat(history.size()).isEqualTo(2);
        assertThat(TxnChecker.standard().check(history).anomalies()).isEmpty();
    }
}
