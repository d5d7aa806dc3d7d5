package sdlab.txlog.saga;

import java.util.Set;
import sdlab.core.Message;
import sdlab.core.NodeId;

/** The saga protocol: a client and the orchestrator, the orchestrator and the services, a reader and the services. */
public sealed interface SagaMessages extends Message {

    /** A client asks for a saga; it resends the same id until it is {@link Accepted}. */
    record StartSaga(String sagaId, long amount, long quantity) implements SagaMessages {}

    /** The orchestrator will see the saga through (with a durable log: the saga's first record is synced). */
    record Accepted(String sagaId) implements SagaMessages {}

    /** A client asks how an accepted saga ended; answered with a {@link SagaResult} once it has, else not at all. */
    record QueryOutcome(String sagaId) implements SagaMessages {}

    /** The saga ended: every step done, or every done step compensated. */
    record SagaResult(String sagaId, SagaOutcome outcome) implements SagaMessages {}

    /**
     * Do (or, with {@code compensate}, undo) one step. {@code idempotencyKey} is empty when the orchestrator sends none,
     * and then the service cannot tell a retry from a new request.
     */
    record StepRequest(String sagaId, int step, boolean compensate, String idempotencyKey, long amount, long quantity)
            implements SagaMessages {}

    /** A service's answer: {@code ok} false means the step was rejected by the service's business rule. */
    record StepReply(String sagaId, int step, boolean compensate, boolean ok) implements SagaMessages {}

    /**
     * Choreography: step {@code step} of a saga is done (going forward) or undone or rejected ({@code failed}, going
     * back); the service that receives it reacts with its own step or compensation. Resent until acknowledged.
     */
    record SagaEvent(String sagaId, int step, boolean failed, long amount, long quantity, NodeId client)
            implements SagaMessages {}

    /** The receiver has the event; the sender stops resending it. */
    record EventAck(String sagaId, int step, boolean failed) implements SagaMessages {}

    /** A reader asks a service which sagas' steps it holds applied now. */
    record ReadStore(long readId) implements SagaMessages {}

    /** The sagas whose step the service holds applied when it answered. */
    record StoreSnapshot(long readId, Set<String> appliedSagas) implements SagaMessages {}
}
