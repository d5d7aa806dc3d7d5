package sdlab.bench.repl;

import java.util.List;

/**
 * A replicated database the bench drives: sdlab's store, MariaDB or PostgreSQL, a primary and one replica on
 * loopback. It starts once per run and enters one mode at a time.
 */
public interface ReplSystem extends AutoCloseable {
    /** The system's name in the report. */
    String name();

    /** What runs, in a line: version, processes, what each side syncs. */
    String describe();

    /** The modes it offers, in the order they are measured; the first is the one the others are compared with. */
    List<CommitMode> modes();

    /** How the system itself names {@code mode}'s setting, e.g. {@code synchronous_commit=remote_apply}. */
    String setting(CommitMode mode);

    /**
     * Sets the system up for {@code mode}.
     *
     * @throws IllegalStateException when the system refuses the setting
     */
    ModeSession enter(CommitMode mode, int clients) throws InterruptedException;

    @Override
    void close();

    /** The mode every other mode's latency is divided by: the first offered. */
    default CommitMode baseline() {
        return modes().getFirst();
    }
}
