package sdlab.cache.store;

/** The result of trying to bring used memory under maxmemory (Redis's EVICT_OK / RUNNING / FAIL). */
public enum EvictionOutcome {
    /** Used memory is within the limit (or there is no limit). */
    WITHIN_LIMIT,
    /** Keys were evicted but the per-call bound was reached first; the next call continues. */
    RUNNING,
    /** Over the limit and the policy has nothing to evict: writes that need memory must fail. */
    CANNOT_EVICT
}
