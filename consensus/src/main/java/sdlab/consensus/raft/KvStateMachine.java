package sdlab.consensus.raft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import sdlab.core.NodeId;

/**
 * The replicated state machine: string keys holding null, a Long or a String, changed by put,
 * cas and multi-key transactions ({@link Command.Txn}), plus the client sessions that make a retried write apply once (Raft thesis §6.3).
 * Every node applies the same committed entries in the same order, so every node's machine
 * passes through the same states.
 *
 * <p>A session remembers only its last sequence number and that write's result: a client has
 * one write outstanding at a time, so a write with a sequence at or below the last is a retry
 * (answered from the cache) or a stale duplicate (ignored). Sessions are never expired here;
 * expiry has to be a replicated decision (an entry in the log) and is left for later.
 */
final class KvStateMachine {

    /**
     * What applying a write gave: whether it took effect (a cas whose compare failed did not, nor
     * a transaction whose condition failed) and the value after. A transaction also says which
     * of its conditions failed ({@link #NONE_FAILED} when none; {@link #NOT_A_NUMBER} when an add
     * met a String) and what each key it names held before it.
     */
    record Result(boolean ok, Object value, int failedCondition, List<Command.KeyValue> before) {
        /** No condition failed. */
        static final int NONE_FAILED = -1;
        /** The conditions held, but an add found a String where it needs a number. */
        static final int NOT_A_NUMBER = -2;

        Result {
            before = List.copyOf(before);
        }

        /** The result of a put or a cas. */
        Result(boolean ok, Object value) {
            this(ok, value, NONE_FAILED, List.of());
        }
    }

    /** What one client session remembers: its last applied sequence number and that write's result. */
    record Session(long lastSequence, Result result) {}

    private final boolean conditionsChecked;
    private final Map<String, Object> data = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private long lastApplied;

    KvStateMachine() {
        this(RaftConfig.Bug.NONE);
    }

    /** A machine with {@code bug} planted, if it is one of the state machine's. */
    KvStateMachine(RaftConfig.Bug bug) {
        this.conditionsChecked = bug != RaftConfig.Bug.TXN_CONDITIONS_IGNORED;
    }

    /** A machine in the state that {@code snapshot} saved: its data, its sessions, applied up to its last index. */
    static KvStateMachine restore(Snapshot snapshot) {
        return restore(snapshot, RaftConfig.Bug.NONE);
    }

    /** As {@link #restore(Snapshot)}, with {@code bug} planted. */
    static KvStateMachine restore(Snapshot snapshot, RaftConfig.Bug bug) {
        KvStateMachine machine = new KvStateMachine(bug);
        machine.data.putAll(snapshot.data());
        machine.sessions.putAll(snapshot.sessions());
        machine.lastApplied = snapshot.lastIndex();
        return machine;
    }

    long lastApplied() {
        return lastApplied;
    }

    /**
     * The state now, as a snapshot whose last included entry (the last applied) has {@code
     * lastTerm}, with {@code members} the configuration as of that entry and {@code application}
     * the {@link Application}'s state.
     */
    Snapshot snapshot(long lastTerm, List<NodeId> members, byte[] application) {
        return new Snapshot(lastApplied, lastTerm, new TreeMap<>(data), new TreeMap<>(sessions), members, application);
    }

    /**
     * Applies the entry at {@code index} (the next one); returns the result for a write, or null
     * for a no-op or a stale duplicate.
     */
    Result apply(long index, Command command) {
        assert index == lastApplied + 1 : "applied " + lastApplied + ", then " + index;
        lastApplied = index;
        return switch (command) {
            case Command.NoOp noOp -> null;
            case Command.ChangeMembers change -> null; // the log tracks configurations (RaftLog)
            case Command.Apply apply -> null; // the node hands it to its Application
            case Command.Write write -> applyOnce(write);
        };
    }

    /** The cached result of {@code sequence} in {@code session}, if that is the session's last applied write. */
    Result cached(String session, long sequence) {
        Session known = sessions.get(session);
        return known != null && known.lastSequence() == sequence ? known.result() : null;
    }

    /** Whether {@code session} already applied a write after {@code sequence}: the client moved on. */
    boolean isStale(String session, long sequence) {
        Session known = sessions.get(session);
        return known != null && known.lastSequence() > sequence;
    }

    Object read(String key) {
        return data.get(key);
    }

    private Result applyOnce(Command.Write write) {
        Session known = sessions.get(write.session());
        if (known != null && write.sequence() <= known.lastSequence()) {
            return write.sequence() == known.lastSequence() ? known.result() : null;
        }
        Result result = execute(write);
        sessions.put(write.session(), new Session(write.sequence(), result));
        return result;
    }

    private Result execute(Command.Write write) {
        return switch (write) {
            case Command.Put put -> {
                store(put.key(), put.value());
                yield new Result(true, put.value());
            }
            case Command.Cas cas -> {
                Object current = data.get(cas.key());
                if (!Objects.equals(current, cas.expected())) {
                    yield new Result(false, current);
                }
                store(cas.key(), cas.value());
                yield new Result(true, cas.value());
            }
            case Command.Txn txn -> transact(txn);
        };
    }

    /** Checks every condition, then writes all or nothing: nothing else runs in between, since entries apply one at a time. */
    private Result transact(Command.Txn txn) {
        List<Command.KeyValue> before = new ArrayList<>();
        for (String key : txn.keys()) {
            before.add(new Command.KeyValue(key, data.get(key)));
        }
        int failed = conditionsChecked ? firstFailed(txn.conditions()) : Result.NONE_FAILED;
        if (failed == Result.NONE_FAILED && !numbersWhereAdded(txn.writes())) {
            failed = Result.NOT_A_NUMBER;
        }
        if (failed != Result.NONE_FAILED) {
            return new Result(false, null, failed, before);
        }
        for (Command.Mutation write : txn.writes()) {
            switch (write) {
                case Command.SetValue set -> store(set.key(), set.value());
                case Command.Add add -> store(add.key(), number(data.get(add.key())) + add.delta());
            }
        }
        return new Result(true, null, Result.NONE_FAILED, before);
    }

    private int firstFailed(List<Command.Condition> conditions) {
        for (int i = 0; i < conditions.size(); i++) {
            if (!holds(conditions.get(i))) {
                return i;
            }
        }
        return Result.NONE_FAILED;
    }

    private boolean holds(Command.Condition condition) {
        Object current = data.get(condition.key());
        return switch (condition) {
            case Command.ValueEquals equals -> equals.expected().equals(current);
            case Command.Absent absent -> current == null;
            case Command.AtLeast atLeast -> current instanceof Long number && number >= atLeast.minimum();
        };
    }

    private boolean numbersWhereAdded(List<Command.Mutation> writes) {
        for (Command.Mutation write : writes) {
            if (write instanceof Command.Add add && data.get(add.key()) instanceof String) {
                return false;
            }
        }
        return true;
    }

    private static long number(Object value) {
        return value == null ? 0 : (Long) value;
    }

    private void store(String key, Object value) {
        if (value == null) {
            data.remove(key);
        } else {
            data.put(key, value);
        }
    }
}
