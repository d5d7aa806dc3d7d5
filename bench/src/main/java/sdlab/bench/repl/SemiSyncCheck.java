package sdlab.bench.repl;

import java.util.Optional;

/**
 * Whether semi-sync really was on during a run, from MySQL's counters as both MariaDB and sdlab's store report them:
 * the status must still be ON, every commit of the run must have been acknowledged by a replica (yes-tx grew by at
 * least the commits counted), and none may have gone through without one (no-tx did not grow). A semi-sync run that fell back to
 * async would otherwise be reported as semi-sync's latency.
 */
final class SemiSyncCheck {
    private SemiSyncCheck() {}

    /** What was wrong, or empty. */
    static Optional<String> of(String status, long yesTxGrowth, long noTxGrowth, long commits) {
        if (!"ON".equalsIgnoreCase(status)) {
            return Optional.of("semi-sync status was " + status + ", not ON");
        }
        if (yesTxGrowth < commits) {
            return Optional.of("yes-tx grew by " + yesTxGrowth + " for " + commits + " commits");
        }
        if (noTxGrowth > 0) {
            return Optional.of(noTxGrowth + " commits went through without a replica's acknowledgement (no-tx)");
        }
        return Optional.empty();
    }
}
