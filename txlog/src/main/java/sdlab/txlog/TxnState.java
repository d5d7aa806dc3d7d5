package sdlab.txlog;

/**
 * A transaction's state at its coordinator, as KIP-98 names them. A transaction is decided once its Prepare state is
 * in the coordinator's durable log: from there it only completes, whatever happens to the producer.
 */
public enum TxnState {
    EMPTY,
    ONGOING,
    PREPARE_COMMIT,
    PREPARE_ABORT,
    COMPLETE_COMMIT,
    COMPLETE_ABORT;

    /** Whether the state machine allows going from this state to {@code next}. */
    public boolean canBecome(TxnState next) {
        return switch (this) {
            case EMPTY, COMPLETE_COMMIT, COMPLETE_ABORT -> next == ONGOING;
            case ONGOING -> next == PREPARE_COMMIT || next == PREPARE_ABORT;
            case PREPARE_COMMIT -> next == COMPLETE_COMMIT;
            case PREPARE_ABORT -> next == COMPLETE_ABORT;
        };
    }

    /** Whether the transaction is ending: markers are being written and new requests must wait. */
    public boolean preparing() {
        return this == PREPARE_COMMIT || this == PREPARE_ABORT;
    }
}
