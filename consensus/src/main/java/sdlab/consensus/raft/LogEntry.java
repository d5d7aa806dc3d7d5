package sdlab.consensus.raft;

import java.util.Objects;

/** One entry of the replicated log: the term of the leader that created it, and its command. */
public record LogEntry(long term, Command command) {
    public LogEntry {
        Objects.requireNonNull(command, "command");
        if (term < 1) {
            throw new IllegalArgumentException("a log entry's term starts at 1, got " + term);
        }
    }
}
