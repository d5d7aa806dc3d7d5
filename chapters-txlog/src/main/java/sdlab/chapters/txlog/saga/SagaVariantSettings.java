package sdlab.chapters.txlog.saga;

/**
 * What a variant changes: the orchestrator's idempotency keys and durable log, and which faults and load the run
 * gets, or a choreography instead of an orchestrator. Message loss and duplication apply to every variant.
 */
record SagaVariantSettings(
        boolean idempotencyKeys,
        boolean durableLog,
        boolean rejections,
        boolean orchestratorCrash,
        boolean pauses,
        boolean loadSpike,
        boolean choreography) {

    /** Keys, durable log, and every fault: rejections, a crash mid-run and GC pauses. */
    static SagaVariantSettings orchestrated() {
        return new SagaVariantSettings(true, true, true, true, true, false, false);
    }
}
