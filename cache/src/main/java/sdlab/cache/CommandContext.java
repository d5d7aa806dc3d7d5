package sdlab.cache;

import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.Keyspace;
import sdlab.cache.store.Value;

/**
 * What a handler works with while executing one command: the keyspace, the client's session,
 * the engine, and the command's time. Handlers that log a command differently from how it
 * arrived (relative to absolute expiry) say so with {@link #propagateAs}.
 */
final class CommandContext {
    private final CacheEngine engine;
    private final ClientSession session;
    private final long nowMillis;
    private byte[][] propagateAs;

    private final int argc;

    CommandContext(CacheEngine engine, ClientSession session, long nowMillis, int argc) {
        this.engine = engine;
        this.session = session;
        this.nowMillis = nowMillis;
        this.argc = argc;
    }

    /** The number of arguments of the command, its name included. */
    int argc() {
        return argc;
    }

    /** The whole keyspace: memory, eviction, statistics, every database. */
    Keyspace keyspace() {
        return engine.keyspace();
    }

    /** The client's selected database, where the command's keys are. */
    Database db() {
        return engine.keyspace().db(session.db());
    }

    ClientSession session() {
        return session;
    }

    CacheEngine engine() {
        return engine;
    }

    /** Random choices come from here only, so that a seed replays a run. */
    java.util.random.RandomGenerator random() {
        return engine.random();
    }

    ServerHooks hooks() {
        return engine.hooks();
    }

    /** The time the command runs at, read once so that one command sees one instant. */
    long nowMillis() {
        return nowMillis;
    }

    /**
     * Whether the command may block its client: only when it runs on its own, not inside EXEC
     * or a script (where Redis answers at once, as if the wait timed out) nor while the log is
     * replayed.
     */
    boolean mayBlock() {
        return engine.blockingAllowed();
    }

    /** Blocks the client until {@code request} can be served; the command answers with what this returns. */
    Reply block(BlockedPop request) {
        assert mayBlock() : "blocking where it is not allowed";
        engine.blockedClients().block(session, request);
        return Reply.Blocked.INSTANCE;
    }

    /** Logs {@code argv} instead of the command as received (only if the command changed data). */
    void propagateAs(byte[]... argv) {
        this.propagateAs = argv;
    }

    byte[][] propagation() {
        return propagateAs;
    }

    /** The value of {@code key} for reading, or null if missing; WRONGTYPE if of another type. */
    <V extends Value> V read(byte[] key, Class<V> type) {
        Entry e = db().lookupRead(Key.wrap(key));
        return e == null ? null : valueOf(e, type);
    }

    /** The entry of {@code key} for changing, or null if missing; WRONGTYPE if of another type. */
    Entry write(byte[] key, Class<? extends Value> type) {
        Entry e = db().lookupWrite(Key.wrap(key));
        if (e != null && !type.isInstance(e.value())) {
            throw new CommandException(ErrorReplies.WRONGTYPE);
        }
        return e;
    }

    /** The value of {@code e} as {@code type}; WRONGTYPE if of another type. */
    static <V extends Value> V valueOf(Entry e, Class<V> type) {
        if (!type.isInstance(e.value())) {
            throw new CommandException(ErrorReplies.WRONGTYPE);
        }
        return type.cast(e.value());
    }
}
