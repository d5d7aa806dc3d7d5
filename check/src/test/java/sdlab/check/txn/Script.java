package sdlab.check.txn;

/**
 * A hand-written piece of history in EDN, one entry per line, for planting an anomaly: {@code
 * txn(7, "[:append :x 1] [:r :y [1]]")} is an invocation and its ok completion by process 7;
 * {@code invoke}, {@code ok}, {@code fail} and {@code info} write single entries, so transactions
 * can overlap.
 */
final class Script {
    private final StringBuilder edn = new StringBuilder();

    /** A transaction that runs alone: invoked and completed ok at once. */
    Script txn(int process, String microOps) {
        return invoke(process, microOps).ok(process, microOps);
    }

    Script invoke(int process, String microOps) {
        return entry(process, "invoke", microOps);
    }

    Script ok(int process, String microOps) {
        return entry(process, "ok", microOps);
    }

    Script fail(int process, String microOps) {
        return entry(process, "fail", microOps);
    }

    Script info(int process, String microOps) {
        return entry(process, "info", microOps);
    }

    private Script entry(int process, String type, String microOps) {
        edn.append("{:process ")
                .append(process)
                .append(", :type :")
                .append(type)
                .append(", :f :txn, :value [")
                .append(microOps)
                .append("]}\n");
        return this;
    }

    String edn() {
        return edn.toString();
    }
}
