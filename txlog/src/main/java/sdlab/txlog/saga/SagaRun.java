package sdlab.txlog.saga;

import sdlab.core.NodeId;

/**
 * Where one saga stands in the orchestrator: going forward at {@code step}, or compensating, with {@code step} the
 * next one to undo; {@code attempt} counts the sends of the current request. A value, replaced on every change.
 */
record SagaRun(
        String id,
        long amount,
        long quantity,
        NodeId client,
        boolean compensating,
        int step,
        int attempt,
        SagaOutcome outcome) {

    static SagaRun begin(String id, long amount, long quantity, NodeId client) {
        return new SagaRun(id, amount, quantity, client, false, 0, 0, null);
    }

    boolean finished() {
        return outcome != null;
    }

    SagaRun forwardTo(int next) {
        return new SagaRun(id, amount, quantity, client, false, next, 0, null);
    }

    SagaRun compensateFrom(int next) {
        return new SagaRun(id, amount, quantity, client, true, next, 0, null);
    }

    SagaRun retried() {
        return new SagaRun(id, amount, quantity, client, compensating, step, attempt + 1, null);
    }

    SagaRun end(SagaOutcome how) {
        return new SagaRun(id, amount, quantity, client, compensating, step, attempt, how);
    }
}
