package sdlab.check.session;

import sdlab.check.history.OperationNames;

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

    /** One sentence for reports, in the checker's own numbering ("process 3", "op 58"). */
    public String explanation() {
        return explanation(OperationNames.NUMBERED);
    }

    /**
     * One sentence for reports, naming the process and operations as the reader knows them.
     *
     * @param names how to name processes and operations, e.g. as a simulator's trace does
     * @return the sentence
     */
    public String explanation(OperationNames names) {
        String shown = names.process(process) + " read " + valueRead + " at key '" + key + "' ("
                + names.operation(readId) + ")";
        String cause = names.operation(causeId);
        return switch (guarantee) {
            case READ_YOUR_WRITES ->
                shown + ", older than its own completed write of " + causeValue + " (" + cause + ")";
            case MONOTONIC_READS ->
                shown + ", older than the value " + causeValue + " it had read before (" + cause + ")";
            case MONOTONIC_WRITES ->
                shown + " after seeing a later write of a process whose earlier write of " + causeValue + " (" + cause
                        + ") it then missed";
            case WRITES_FOLLOW_READS ->
                shown + " after seeing a write that followed a read of " + causeValue + " (" + cause
                        + "), which it then missed";
        };
    }
}
