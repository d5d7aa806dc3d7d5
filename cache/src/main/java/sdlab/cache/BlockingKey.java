package sdlab.cache;

import sdlab.cache.store.Key;

/**
 * A key that clients wait on. Its own type, rather than a bare {@link Key}, so that the
 * database the key lives in can join it when the engine has more than one (SELECT): a client
 * blocked on {@code k} in one database must not be woken by {@code k} in another.
 */
record BlockingKey(Key key) {}
