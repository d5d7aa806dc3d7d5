package sdlab.consensus.raft;

import java.util.List;
import java.util.Objects;
import sdlab.core.NodeId;

/**
 * What a log entry asks the replicated state machine to do: nothing (the entry a new leader
 * appends to commit its term), a client's write, or a new configuration of voting members.
 * Writes carry the client's session and sequence number, so that a retried write is applied
 * once.
 */
public sealed interface Command permits Command.NoOp, Command.Write, Command.ChangeMembers {

    /** A new leader's first entry: committing it commits everything before it (Raft §5.4.2, §8). */
    record NoOp() implements Command {}

    /**
     * From this entry on, the voting members are {@code members} (sorted, without duplicates):
     * the previous configuration with one server added or removed (Raft thesis §4.1). Every
     * server uses the latest configuration in its log as soon as it is appended, committed or
     * not; the state machine ignores the entry.
     */
    record ChangeMembers(List<NodeId> members) implements Command {
        public ChangeMembers {
            members = Members.normalise(members);
        }
    }

    /** A client's write to one key; {@code sequence} grows with every write of the session. */
    sealed interface Write extends Command permits Put, Cas {
        String session();

        long sequence();

        String key();
    }

    /** Stores {@code value} (null, a Long or a String) under {@code key}. */
    record Put(String session, long sequence, String key, Object value) implements Write {
        public Put {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(key, "key");
            requireStorable(value);
        }
    }

    /** Stores {@code value} under {@code key} if it holds {@code expected} now (null: absent). */
    record Cas(String session, long sequence, String key, Object expected, Object value) implements Write {
        public Cas {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(key, "key");
            requireStorable(expected);
            requireStorable(value);
        }
    }

    /** Whether the state machine can hold {@code value}: null, a Long or a String. */
    static boolean isStorable(Object value) {
        return value == null || value instanceof Long || value instanceof String;
    }

    private static void requireStorable(Object value) {
        if (!isStorable(value)) {
            throw new IllegalArgumentException("a Raft key holds null, a Long or a String, not "
                    + value.getClass().getName());
        }
    }
}
