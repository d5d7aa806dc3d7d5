package sdlab.app.cluster.jepsen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.ledger.ConsistencyLevel;
import sdlab.ledger.LedgerConfig;

/**
 * One ledger run against a real cluster.
 *
 * @param config the ledger's shape, as chapter 1 builds it: accounts, start balance, clients, way
 * @param level the consistency level the cluster's store gives (which of the chapter's store clients to use)
 * @param transfersPerClient transfers each client makes before its audit
 * @param amountMax largest transfer; amounts are uniform from 1
 * @param rate transfers per second over all clients; 0 for no pause between a client's transfers
 * @param nemesis the faults to inject while the transfers run (none: empty)
 * @param nemesisInterval the length of each quiet period and each fault
 * @param seed the seed of the workload and of the nemesis's choices
 * @param runTag a tag unique to this run, in its clients' names: a store that remembers client sessions (Raft's)
 *     must never take this run's clients for an earlier run's
 * @param historyFile where the history goes, as JSON lines
 */
public record LedgerRunSettings(
        LedgerConfig config,
        ConsistencyLevel level,
        int transfersPerClient,
        int amountMax,
        double rate,
        List<NemesisKind> nemesis,
        Duration nemesisInterval,
        long seed,
        String runTag,
        Path historyFile) {

    public LedgerRunSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(level, "level");
        nemesis = List.copyOf(nemesis);
        if (transfersPerClient < 1 || amountMax < 1 || rate < 0) {
            throw new IllegalArgumentException("a run needs at least one transfer per client, amounts of at least 1"
                    + " and a rate that is not negative");
        }
        if (nemesisInterval.isNegative() || nemesisInterval.isZero()) {
            throw new IllegalArgumentException("--nemesis-interval must be positive");
        }
    }

    /** The mean pause between one client's transfers that gives the run its rate. */
    long pauseNanos() {
        return rate == 0 ? 0 : (long) (config.clients() * 1e9 / rate);
    }
}
