package sdlab.cache;

import sdlab.cache.store.Key;

/**
 * A key that clients wait on: a key name in a numbered database, since a client blocked on
 * {@code k} in one database must not be woken by {@code k} in another.
 */
record BlockingKey(int db, Key key) {}
