package sdlab.check.txn;

/** The reason behind any edge: data edges from the workload's inference, session orders from the history. */
final class EdgeReasons {
    private final TxnHistory history;
    private final DataDependencies data;

    EdgeReasons(TxnHistory history, DataDependencies data) {
        this.history = history;
        this.data = data;
    }

    String why(int from, int to, int kind) {
        Txn a = history.txns().get(from);
        Txn b = history.txns().get(to);
        return switch (kind) {
            case Edges.PROCESS ->
                a.name() + " and " + b.name() + " ran on process " + a.process() + ", " + a.name() + " first";
            case Edges.REALTIME ->
                a.name() + " completed (entry " + (a.completeIndex() + 1) + ") before " + b.name()
                        + " was invoked (entry " + (b.invokeIndex() + 1) + ")";
            default -> data.why(from, to, kind);
        };
    }
}
