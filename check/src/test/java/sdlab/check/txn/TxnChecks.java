package sdlab.check.txn;

import sdlab.check.txn.gen.ListAppendGenerator;

/** Shared steps of the transactional checker's tests. */
final class TxnChecks {
    private TxnChecks() {}

    static TxnResult check(String text, TxnModel model) {
        return TxnChecker.standard().check(TxnHistory.parse(text, model));
    }

    /** A strict serializable list-append history: the background anomalies are planted into. */
    static String background(long seed) {
        return TxnHistoryWriter.edn(
                ListAppendGenerator.generate(ListAppendGenerator.Config.serializable(200, 5), seed));
    }
}
