/**
 * Sagas, orchestrated and choreographed, as pure node code. Orchestrated: three services ({@link sdlab.txlog.saga.SagaService}) each run one step of
 * a saga as a local transaction (one handler, one update of the service's store) and know its compensation; an
 * orchestrator ({@link sdlab.txlog.saga.SagaOrchestrator}) drives the steps in order, retries a step that does not
 * answer in time, and on a step's business rejection (or a step that never answers within its retries) runs the
 * compensations of the steps before it in reverse order.
 *
 * <h2>What it follows</h2>
 *
 * <p>Garcia-Molina and Salem's sagas (1987): a long transaction as a sequence of local transactions, each with a
 * compensating transaction, and no isolation between sagas: another reader can see a step that is compensated later.
 * Requests carry an idempotency key (saga, step, do or undo), so a service answers a retry or a network duplicate with
 * its first answer instead of applying the step again; an undo that arrives before its step leaves a tombstone so that
 * the late step is refused. The orchestrator writes its saga log to its disk and syncs it: it acknowledges a saga to
 * its client only once the saga's first record is durable, and after a crash it reads the log back and resumes every
 * saga that has no end record, resending the step it was at (safe because of the keys).
 *
 * <p>Choreographed ({@link sdlab.txlog.saga.ChoreographedService}): no orchestrator; each service runs its step on
 * its neighbour's event and passes a done event on, or a failed event back, each resent until acknowledged; the same
 * local store and keys.
 *
 * <h2>What it does not do yet</h2>
 *
 * <p>Orchestrator and services (and the choreographed services among themselves) talk with direct messages, not over
 * the transactional log of {@link sdlab.txlog}. The services keep their stores, and a choreography its unacknowledged
 * events, in memory: the chapters crash the orchestrator, not the services. Compensations are retried without limit.
 */
package sdlab.txlog.saga;
