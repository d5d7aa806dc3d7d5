package sdlab.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.TreeSet;
import sdlab.cache.store.Database;
import sdlab.cache.store.Entry;
import sdlab.cache.store.Key;
import sdlab.cache.store.Keyspace;

/**
 * The clients that wait in BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP, BZPOPMIN, BZPOPMAX and
 * BZMPOP, and the order in which they are served: Redis 7.0's {@code blocked.c}.
 *
 * <h2>Waiting</h2>
 *
 * A blocking command whose keys are all empty registers its client here (with a
 * {@link BlockedPop}) and answers nothing yet. Each key has a queue of the clients waiting on
 * it, oldest first. A client waits on every key it named; it leaves every queue at once when
 * it is served, times out, is unblocked by CLIENT UNBLOCK or disconnects.
 *
 * <h2>Ready keys</h2>
 *
 * When a command creates a key that someone waits on, the key is marked ready (Redis's
 * {@code signalKeyAsReady}, which {@code dbAdd} calls). Only creation counts: a client blocks
 * only on keys that do not exist, and Redis too leaves it waiting when an existing key of
 * another type is overwritten with a list. Ready keys are served after the command that made
 * them ready has finished, a whole EXEC or script included, so that the waiting clients see
 * its complete effect ({@code handleClientsBlockedOnKeys}).
 *
 * <h2>Serving</h2>
 *
 * For each ready key, in the order the keys became ready, the clients queued on it are served
 * oldest first while the key exists: one whose command pops another type is skipped and keeps
 * waiting. One push of several elements can serve several clients. A served client's pop is
 * logged as its non-blocking form (LPOP, LMOVE, ZPOPMIN...), after the command that fed it, so
 * that the log replays exactly. Serving may create keys in turn (BLMOVE's destination), which
 * are served in the same pass.
 *
 * <h2>Bounds</h2>
 *
 * A client waits on at most one command at a time, so the queues hold at most one entry per
 * key per connected client, and connections are bounded by {@code maxclients}.
 */
final class BlockedClients {
    /** Serves one blocked client from a ready key; the engine runs the pop and logs it. */
    @FunctionalInterface
    interface Server {
        Reply serve(ClientSession waiter, BlockedPop request, byte[] key);
    }

    /** A blocked client and what it waits for. */
    private record Waiting(ClientSession session, BlockedPop request) {}

    private static final Comparator<Waiting> BY_DEADLINE = Comparator.comparingLong(
                    (Waiting w) -> w.request().deadlineMillis())
            .thenComparingLong(w -> w.session().id());

    private final Map<BlockingKey, SequencedSet<ClientSession>> queues = new HashMap<>();
    private final Map<ClientSession, Waiting> waiting = new HashMap<>();
    /** The waits that have a timeout, earliest first. */
    private final TreeSet<Waiting> deadlines = new TreeSet<>(BY_DEADLINE);
    /** Keys created while someone waits on them, in that order. */
    private final SequencedSet<BlockingKey> ready = new LinkedHashSet<>();

    /** Blocks {@code session} until one of the request's keys can serve it. */
    void block(ClientSession session, BlockedPop request) {
        assert !waiting.containsKey(session) : "client " + session.id() + " blocked twice";
        Waiting entry = new Waiting(session, request);
        waiting.put(session, entry);
        for (BlockingKey key : request.keys()) {
            queues.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(session);
        }
        if (request.deadlineMillis() != BlockTimeout.FOREVER) {
            deadlines.add(entry);
        }
    }

    boolean isBlocked(ClientSession session) {
        return waiting.containsKey(session);
    }

    /** When the wait of {@code session} times out, or {@link BlockTimeout#FOREVER} (also if it does not wait). */
    long deadlineMillis(ClientSession session) {
        Waiting entry = waiting.get(session);
        return entry == null ? BlockTimeout.FOREVER : entry.request().deadlineMillis();
    }

    /** How many clients wait now ({@code blocked_clients}). */
    int count() {
        return waiting.size();
    }

    /**
     * Ends the wait of {@code session}, if it waits, and sends it {@code reply}: a nil for a
     * timeout, an error for CLIENT UNBLOCK ... ERROR. Returns whether it was waiting.
     */
    boolean interrupt(ClientSession session, Reply reply) {
        if (!remove(session)) {
            return false;
        }
        session.deliverDeferred(reply);
        return true;
    }

    /** Forgets {@code session} (it disconnected); returns whether it was waiting. */
    boolean remove(ClientSession session) {
        Waiting entry = waiting.remove(session);
        if (entry == null) {
            return false;
        }
        deadlines.remove(entry);
        for (BlockingKey key : entry.request().keys()) {
            SequencedSet<ClientSession> queue = queues.get(key);
            queue.remove(session);
            if (queue.isEmpty()) {
                queues.remove(key);
                ready.remove(key);
            }
        }
        return true;
    }

    /** Marks {@code key} ready if anyone waits on it; called for every key a command creates. */
    void keyAdded(int db, Key key) {
        if (waiting.isEmpty()) {
            return; // the common case costs one check
        }
        BlockingKey blockingKey = new BlockingKey(db, key);
        if (queues.containsKey(blockingKey)) {
            ready.add(blockingKey);
        }
    }

    /**
     * After SWAPDB: a key waited on in either database is ready if the database now under its
     * number holds it (Redis's {@code scanDatabaseForReadyKeys}).
     */
    void databasesSwapped(Keyspace keyspace, int a, int b) {
        for (BlockingKey key : queues.keySet()) {
            if ((key.db() == a || key.db() == b) && keyspace.db(key.db()).contains(key.key())) {
                ready.add(key);
            }
        }
    }

    boolean hasReadyKeys() {
        return !ready.isEmpty();
    }

    /** Serves the clients waiting on ready keys, as the class comment describes. */
    void serveReadyKeys(Keyspace keyspace, Server server) {
        while (!ready.isEmpty()) {
            BlockingKey key = ready.removeFirst();
            SequencedSet<ClientSession> queue = queues.get(key);
            List<ClientSession> inOrder = queue == null ? List.of() : List.copyOf(queue);
            Database db = keyspace.db(key.db());
            for (ClientSession waiter : inOrder) {
                if (!db.contains(key.key())) {
                    break; // popped empty, or deleted by an earlier waiter's own pop
                }
                Entry entry = db.peek(key.key());
                BlockedPop request = waiting.get(waiter).request();
                if (!request.type().isInstance(entry.value())) {
                    continue;
                }
                remove(waiter);
                waiter.deliverDeferred(server.serve(waiter, request, key.key().bytes()));
            }
        }
    }

    /** Sends a nil to every client whose deadline passed before {@code nowMillis}; returns how many. */
    int unblockTimedOut(long nowMillis) {
        List<ClientSession> late = new ArrayList<>();
        for (Iterator<Waiting> it = deadlines.iterator(); it.hasNext(); ) {
            Waiting entry = it.next();
            // Redis's test is strict: a wait of 1 s that began at t ends after t + 1000 ms.
            if (entry.request().deadlineMillis() >= nowMillis) {
                break;
            }
            late.add(entry.session());
        }
        for (ClientSession session : late) {
            interrupt(session, Reply.Nil.ARRAY);
        }
        return late.size();
    }
}
