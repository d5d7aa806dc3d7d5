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

    private final Map<Key, List<Transaction>> watchers = new HashMap<>();
    private final Keyspace keyspace;

    WatchedKeys(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** Watches {@code key} for {@code tx}; watching a key twice is the same as once. */
    void watch(Transaction tx, Key key) {
        if (tx.watched().containsKey(key)) {
            return;
        }
        tx.watched().put(key, keyspace.isExpired(key));
        watchers.computeIfAbsent(key, k -> new ArrayList<>(2)).add(tx);
    }

    /** Forgets every key {@code tx} watches (EXEC, DISCARD, UNWATCH, a broken watch, a closed client). */
    void unwatchAll(Transaction tx) {
        for (Key key : tx.watched().keySet()) {
            List<Transaction> list = watchers.get(key);
            list.remove(tx);
            if (list.isEmpty()) {
                watchers.remove(key);
            }
        }
        tx.watched().clear();
    }

    /** Called after {@code key} was created, changed, deleted, expired or evicted. */
    void touched(Key key) {
        if (watchers.isEmpty()) {
            return;
        }
        List<Transaction> list = watchers.get(key);
        if (list == null) {
            return;
        }
        for (Transaction tx : List.copyOf(list)) {
            touch(tx, key);
        }
    }

    /** Called before FLUSHALL or FLUSHDB removes every key: touches each watched key that exists. */
    void beforeFlush() {
        if (watchers.isEmpty()) {
            return;
        }
        for (Map.Entry<Key, List<Transaction>> entry : List.copyOf(watchers.entrySet())) {
            Key key = entry.getKey();
            if (keyspace.peek(key) == null) {
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
     * EXEC's last check (Redis's {@code isWatchedKeyExpired}): a key that was live when
     * WATCHed and whose TTL has passed since is a change, even if nothing removed it yet.
     */
    boolean anyExpiredSinceWatch(Transaction tx) {
        for (Map.Entry<Key, Boolean> watch : tx.watched().entrySet()) {
            if (!watch.getValue() && keyspace.isExpired(watch.getKey())) {
                return true;
            }
        }
        return false;
    }

    /** Keys watched by any client; for INFO and tests. */
    int watchedKeyCount() {
        return watchers.size();
    }

    private void touch(Transaction tx, Key key) {
        if (!tx.watched().containsKey(key)) {
            return;
        }
        if (Boolean.TRUE.equals(tx.watched().get(key)) && keyspace.peek(key) == null) {
            tx.watched().put(key, false); // the expired key is now really gone: logically no change
            return;
        }
        breakWatch(tx);
    }

    private void expiredKeyRemovedOrBreak(Transaction tx, Key key) {
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
