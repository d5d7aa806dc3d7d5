package sdlab.cache.persist;

/** How reading an append-only file ended. */
public sealed interface AofLoadResult {

    /** Commands replayed. */
    long commands();

    /** Every byte was a complete command. */
    record Complete(long commands, long bytes) implements AofLoadResult {}

    /**
     * The file ends in the middle of a command or of a {@code MULTI ... EXEC} block, as after a
     * crash during a write: everything up to {@code validBytes} was applied; the rest is an
     * incomplete last command or transaction. Redis with {@code aof-load-truncated yes}
     * truncates it and starts.
     *
     * @param insideTransaction whether the dropped tail starts with a MULTI whose EXEC is missing
     */
    record TruncatedTail(long commands, long validBytes, long fileBytes, boolean insideTransaction)
            implements AofLoadResult {}

    /**
     * Bytes that are not a command where a complete command should be: damage, not a torn
     * write. Starting anyway would silently lose everything after it, so the server refuses.
     *
     * @param commandOffset where the damaged command starts
     * @param errorOffset the first byte that made no sense
     */
    record Corrupt(long commands, long commandOffset, long errorOffset, String reason) implements AofLoadResult {}
}
