package sdlab.check.causal;

/**
 * One read that breaks causal consistency.
 *
 * @param kind what is wrong
 * @param readId the read's operation id
 * @param process the reading process
 * @param key the key read ("" for a single register)
 * @param valueRead what it returned
 * @param causeId the write in the read's causal past that it should have seen (or -1 when the
 *     kind needs none)
 * @param causeValue that write's value
 */
public record CausalViolation(
        Kind kind, int readId, int process, String key, Object valueRead, int causeId, Object causeValue) {

    /** The ways a read can break causality. */
    public enum Kind {
        /** The read returned a value that a write in its causal past had already overwritten. */
        OVERWRITTEN_IN_CAUSAL_PAST,
        /** The read takes part in a happens-before cycle (it read from its own causal future). */
        CAUSAL_CYCLE,
        /** The read returned a value that no ok or unknown write wrote. */
        VALUE_NEVER_WRITTEN
    }
}
