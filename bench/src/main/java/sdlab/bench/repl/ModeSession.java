package sdlab.bench.repl;

import java.util.List;

/**
 * A system set up for one commit mode: clients open against it, and afterwards it checks that the mode really was in
 * force and that the replica caught up. Closing it undoes what entering set up (sdlab stops the mode's cluster).
 */
public interface ModeSession extends AutoCloseable {
    /** A new client connection to the primary, the {@code index}-th of the load (each changes a row of its own). */
    CommitClient open(int index) throws Exception;

    /**
     * What was wrong with the measured run, after the load: the mode was not in force (semi-sync off, no yes-tx
     * counted) or the replica did not catch up. Empty when all was well.
     *
     * @param commits the commits the load counted, warm-up included
     */
    List<String> check(long commits) throws InterruptedException;

    @Override
    void close();
}
