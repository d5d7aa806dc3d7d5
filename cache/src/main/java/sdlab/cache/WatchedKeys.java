package sdlab.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sdlab.cache.store.Key;
import sdlab.cache.store.Keyspace;

/**
 * Optimistic locking for WATCH, as Redis's {@code watched_keys} does it: for each watched key,
 * the transactions watching it. The keyspace reports every touched key; a touch breaks the
 * watch of every transaction on that key, which then forgets all its keys at once (nothing it
 * watches can matter any more), so EXEC answers a null array.
 *
 * <p>A key that was already expired when WATCHed is not changed by its removal: Redis 7.0
 * treats the deletion of a logically missing key as no change.
 */
final class WatchedKeys {
    /**
     * Keys one client may watch. Redis has no limit; this one keeps a client from growing the
     * registry without bound, and is far above what an optimistic transaction needs.
     */
    static final int KEYS_PER_CLIENT_MAX = 100_000;

    private final Map<DbKey, List<Transaction>> watchers = new HashMap<>();
    private final Keyspace keyspace;

    WatchedKeys(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** Watches {@code key} for {@code tx}; watching a key twice is the same as once. */
    void watch(Transaction tx, DbKey key) {
        if (tx.watched().containsKey(key)) {
            return;
        }
        tx.watched().put(key, keyspace.db(key.db()).isExpired(key.key()));
        watchers.computeIfAbsent(key, k -> new ArrayList<>(2)).add(tx);
    }

    /** Forgets every key {@code tx} watches (EXEC, DISCARD, UNWATCH, a broken watch, a closed client). */
    void unwatchAll(Transaction tx) {
        for (DbKey key : tx.watched().keySet()) {
            List<Transaction> list = watchers.get(key);
            list.remove(tx);
            if (list.isEmpty()) {
                watchers.remove(key);
            }
        }
        tx.watched().clear();
    }

    /** Called after {@code key} of database {@code db} was created, changed, deleted, expired or evicted. */
    void touched(int db, Key key) {
        if (watchers.isEmpty()) {
            return;
        }
        touched(new DbKey(db, key));
    }

    private void touched(DbKey key) {
        List<Transaction> list = watchers.get(key);
        if (list == null) {
            return;
        }
        for (Transaction tx : List.copyOf(list)) {
            touch(tx, key);
        }
    }

    /** Called before FLUSHALL or FLUSHDB removes every key of {@code db}: touches each watched key there that exists. */
    void beforeFlush(int db) {
        if (watchers.isEmpty()) {
            return;
        }
        for (Map.Entry<DbKey, List<Transaction>> entry : List.copyOf(watchers.entrySet())) {
            DbKey key = entry.getKey();
            if (key.db() != db || keyspace.db(db).peek(key.key()) == null) {
                continue;
            }
            for (Transaction tx : List.copyOf(entry.getValue())) {
                if (tx.watched().containsKey(key)) {
                    expiredKeyRemovedOrBreak(tx, key);
                }
            }
        }
    }

    /**
     * Called after SWAPDB exchanged databases {@code a} and {@code b}: a watched key in either
     * now names another key, so it is touched if it exists on either side of the swap (Redis's
     * {@code touchAllWatchedKeysInDb}).
     */
    void swapped(int a, int b) {
        if (watchers.isEmpty()) {
            return;
        }
        for (DbKey key : List.copyOf(watchers.keySet())) {
            int other = key.db() == a ? b : key.db() == b ? a : -1;
            if (other < 0) {
                continue;
            }
            if (keyspace.db(key.db()).peek(key.key()) != null
                    || keyspace.db(other).peek(key.key()) != null) {
                List<Transaction> list = watchers.get(key);
                if (list != null) {
                    for (Transaction tx : List.copyOf(list)) {
                        breakWatch(tx);
                    }
                }
            }
        }
    }

    /**
     * EXEC's last check (Redis's {@code isWatchedKeyExpired}): a key that was live when
     * WATCHed and whose TTL has passed since is a change, even if nothing removed it yet.
     */
    boolean anyExpiredSinceWatch(Transaction tx) {
        for (Map.Entry<DbKey, Boolean> watch : tx.watched().entrySet()) {
            DbKey key = watch.getKey();
            if (!watch.getValue() && keyspace.db(key.db()).isExpired(key.key())) {
                return true;
            }
        }
        return false;
    }

    /** Keys watched by any client; for INFO and tests. */
    int watchedKeyCount() {
        return watchers.size();
    }

    private void touch(Transaction tx, DbKey key) {
        if (!tx.watched().containsKey(key)) {
            return;
        }
        if (Boolean.TRUE.equals(tx.watched().get(key)) && keyspace.db(key.db()).peek(key.key()) == null) {
            tx.watched().put(key, false); // the expired key is now really gone: logically no change
            return;
        }
        breakWatch(tx);
    }

    private void expiredKeyRemovedOrBreak(Transaction tx, DbKey key) {
        if (Boolean.TRUE.equals(tx.watched().get(key))) {
            tx.watched().put(key, false);
        } else {
            breakWatch(tx);
        }
    }

    private void breakWatch(Transaction tx) {
        tx.markWatchBroken();
        unwatchAll(tx);
    }
}
