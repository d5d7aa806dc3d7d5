package sdlab.bench.repl;

/**
 * One client's connection to a system's primary: each call commits one single-row change and returns once the system
 * says it committed. Not thread-safe: the load gives every client thread its own.
 */
public interface CommitClient extends AutoCloseable {
    /**
     * Commits the next change.
     *
     * @throws Exception when the system answers an error or the connection fails: the load counts it as an error
     */
    void commit() throws Exception;

    @Override
    void close();
}
