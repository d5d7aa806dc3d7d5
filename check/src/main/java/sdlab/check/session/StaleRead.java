package sdlab.check.session;

/**
 * One stale read: {@code readId} returned {@code valueRead} although the write {@code
 * newerWriteId} of {@code newerValue} had completed before the read began, and the value read
 * was certainly older than that write.
 *
 * @param readId the read's operation id
 * @param process the process that read
 * @param key the key ("" for a single register)
 * @param valueRead what the read returned
 * @param newerWriteId the completed write the read missed
 * @param newerValue the value that write wrote
 * @param readInvokeIndex the read's invocation position in the history
 * @param newerWriteCompleteIndex the write's completion position in the history
 * @param readInvokeTimeNanos when the read began
 * @param newerWriteCompleteTimeNanos when the missed write completed
 */
public record StaleRead(
        int readId,
        int process,
        String key,
        Object valueRead,
        int newerWriteId,
        Object newerValue,
        int readInvokeIndex,
        int newerWriteCompleteIndex,
        long readInvokeTimeNanos,
        long newerWriteCompleteTimeNanos) {}
