package sdlab.txlog.saga;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How the orchestrator runs: the services in step order, whether it sends idempotency keys and keeps a durable saga
 * log, how long it waits for a step and how often it retries one before giving the step up as failed.
 */
public record SagaConfig(
        List<NodeId> services,
        boolean idempotencyKeys,
        boolean durableLog,
        Duration stepTimeout,
        int forwardAttempts,
        Bug bug) {

    /** Faults planted on purpose, for tests that show a claim can fail. */
    public enum Bug {
        NONE,
        /**
         * The compensation of the first step is skipped (by the orchestrator, or by the first service of a
         * choreography): a compensated saga leaves its first step applied.
         */
        SKIP_FIRST_COMPENSATION
    }

    public SagaConfig {
        services = List.copyOf(services);
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(bug, "bug");
        if (services.isEmpty() || forwardAttempts < 1) {
            throw new IllegalArgumentException("a saga needs a service and at least one attempt per step");
        }
    }

    public SagaConfig withBug(Bug newBug) {
        return new SagaConfig(services, idempotencyKeys, durableLog, stepTimeout, forwardAttempts, newBug);
    }
}
