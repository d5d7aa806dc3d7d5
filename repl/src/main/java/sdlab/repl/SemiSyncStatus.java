package sdlab.repl;

/**
 * The primary's semi-sync status and counters, named as MySQL's status variables are: whether semi-sync is on
 * ({@code Rpl_semi_sync_master_status}), commits acknowledged by a replica ({@code _yes_tx}) and without one
 * ({@code _no_tx}), times it switched off ({@code _no_times}) and times it came back on.
 *
 * @param on whether commits wait for replicas now
 * @param yesTx commits acknowledged after replicas acknowledged them
 * @param noTx commits acknowledged without replicas (semi-sync was off, or the mode is asynchronous)
 * @param offTimes switches to asynchronous after a timeout
 * @param onTimes switches back once a replica caught up
 */
public record SemiSyncStatus(boolean on, long yesTx, long noTx, long offTimes, long onTimes) {

    static SemiSyncStatus start() {
        return new SemiSyncStatus(true, 0, 0, 0, 0);
    }

    SemiSyncStatus yes() {
        return new SemiSyncStatus(on, yesTx + 1, noTx, offTimes, onTimes);
    }

    SemiSyncStatus no() {
        return new SemiSyncStatus(on, yesTx, noTx + 1, offTimes, onTimes);
    }

    SemiSyncStatus switchedOff() {
        return new SemiSyncStatus(false, yesTx, noTx, offTimes + 1, onTimes);
    }

    SemiSyncStatus switchedOn() {
        return new SemiSyncStatus(true, yesTx, noTx, offTimes, onTimes + 1);
    }
}
