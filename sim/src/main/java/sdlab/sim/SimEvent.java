package sdlab.sim;

/**
 * Something that happens at one instant of virtual time. Frequent events (message arrivals,
 * timers) are small classes; rare ones (faults, workload steps) are lambdas.
 */
@FunctionalInterface
interface SimEvent {
    void fire(Engine engine);
}
