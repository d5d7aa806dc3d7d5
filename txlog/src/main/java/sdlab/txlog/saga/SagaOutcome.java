package sdlab.txlog.saga;

/** How a saga ended, as the orchestrator tells its client. */
public enum SagaOutcome {
    DONE,
    COMPENSATED
}
