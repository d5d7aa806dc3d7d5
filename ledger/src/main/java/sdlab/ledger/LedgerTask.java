package sdlab.ledger;

import sdlab.core.client.Outcome;

/**
 * One ledger operation (a transfer or an audit) as a small state machine over store operations:
 * pure, so that the same steps run whatever store is underneath.
 */
interface LedgerTask {
    /** The first step, at {@code nowNanos}. */
    Step start(long nowNanos);

    /** The step after the store answered the last call with {@code outcome}, at {@code nowNanos}. */
    Step next(Outcome outcome, long nowNanos);
}
