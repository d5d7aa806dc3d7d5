package sdlab.check.session;

/**
 * One observed violation of a session guarantee.
 *
 * @param guarantee which guarantee
 * @param process the process whose read showed the violation
 * @param key the key read ("" for a single register)
 * @param readId the read that returned a too old value
 * @param valueRead what it returned
 * @param causeId the operation that obliged the read to see something newer: the process's own
 *     write (read-your-writes), its earlier read (monotonic reads), or the earlier write or read
 *     of the writer whose later write the reader had seen (monotonic writes, writes-follow-reads)
 * @param causeValue the value of that operation
 */
public record SessionViolation(
        Guarantee guarantee, int process, String key, int readId, Object valueRead, int causeId, Object causeValue) {

    /** One sentence for reports. */
    public String explanation() {
        String shown = "process " + process + " read " + valueRead + " at key '" + key + "' (op " + readId + ")";
        return switch (guarantee) {
            case READ_YOUR_WRITES ->
                shown + ", older than its own completed write of " + causeValue + " (op " + causeId + ")";
            case MONOTONIC_READS ->
                shown + ", older than the value " + causeValue + " it had read before (op " + causeId + ")";
            case MONOTONIC_WRITES ->
                shown + " after seeing a later write of a process whose earlier write of " + causeValue + " (op "
                        + causeId + ") it then missed";
            case WRITES_FOLLOW_READS ->
                shown + " after seeing a write that followed a read of " + causeValue + " (op " + causeId
                        + "), which it then missed";
        };
    }
}
