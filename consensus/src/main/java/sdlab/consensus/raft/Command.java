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
public sealed interface Command permits Command.NoOp, Command.Write, Command.ChangeMembers, Command.Apply {

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

    /**
     * A command for the node's {@link Application} (the coordination service's transactions, for
     * one), opaque to Raft: it is replicated, committed and handed over in log order like any other.
     */
    record Apply(byte[] payload) implements Command {
        public Apply {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Apply apply && java.util.Arrays.equals(payload, apply.payload);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Apply[" + payload.length + " bytes]";
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
