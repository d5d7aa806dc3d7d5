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

    /** A client's write; {@code sequence} grows with every write of the session. */
    sealed interface Write extends Command permits Put, Cas, Txn {
        String session();

        long sequence();
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

    /**
     * A multi-key transaction in the style of etcd's Txn: if every one of {@code conditions} holds,
     * apply every one of {@code writes}, else apply none. One log entry, so it is applied whole
     * at one point of the log's order: serializable, and linearizable since the log is. Its
     * result says which condition failed (the first, in order) and what every key it names held
     * before it, so a client that lost a race can retry from those values without reading again.
     */
    record Txn(String session, long sequence, List<Condition> conditions, List<Mutation> writes) implements Write {
        /** Bounds a transaction, so that one entry cannot grow the log or a reply without limit. */
        public static final int PARTS_MAX = 64;

        public Txn {
            Objects.requireNonNull(session, "session");
            conditions = List.copyOf(conditions);
            writes = List.copyOf(writes);
            if (conditions.size() + writes.size() > PARTS_MAX) {
                throw new IllegalArgumentException("a transaction has at most " + PARTS_MAX + " conditions and writes");
            }
        }

        /** Every key the transaction names, each once, in the order first named (conditions, then writes). */
        public List<String> keys() {
            java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
            conditions.forEach(condition -> keys.add(condition.key()));
            writes.forEach(write -> keys.add(write.key()));
            return List.copyOf(keys);
        }
    }

    /** What a transaction checks on one key before it writes. */
    sealed interface Condition permits ValueEquals, Absent, AtLeast {
        String key();
    }

    /** The key holds {@code expected} (a Long or a String; to ask for no value use {@link Absent}). */
    record ValueEquals(String key, Object expected) implements Condition {
        public ValueEquals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(expected, "expected: a missing key is Absent");
            requireStorable(expected);
        }
    }

    /** The key holds no value: create-if-absent. */
    record Absent(String key) implements Condition {
        public Absent {
            Objects.requireNonNull(key, "key");
        }
    }

    /** The key holds a number of at least {@code minimum}; a String or no value fails it. */
    record AtLeast(String key, long minimum) implements Condition {
        public AtLeast {
            Objects.requireNonNull(key, "key");
        }
    }

    /** What a transaction writes to one key once its conditions hold. */
    sealed interface Mutation permits SetValue, Add {
        String key();
    }

    /** Stores {@code value} (null deletes). */
    record SetValue(String key, Object value) implements Mutation {
        public SetValue {
            Objects.requireNonNull(key, "key");
            requireStorable(value);
        }
    }

    /**
     * Adds {@code delta} to the number the key holds, computed by the state machine when the entry
     * applies (as FoundationDB's atomic add): no client reads the value first. A key with no
     * value counts as 0; a key holding a String makes the whole transaction fail, as a condition
     * would.
     */
    record Add(String key, long delta) implements Mutation {
        public Add {
            Objects.requireNonNull(key, "key");
        }
    }

    /** A key and what it held (null: nothing), as a transaction's result reports it. */
    record KeyValue(String key, Object value) {
        public KeyValue {
            Objects.requireNonNull(key, "key");
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
