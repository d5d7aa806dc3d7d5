package sdlab.cache;

import sdlab.cache.store.Key;

/**
 * A key in a numbered database: what WATCH watches, since the same key name in two databases
 * is two keys. The number is the database's number, as a client selects it; SWAPDB moves the
 * keys under the numbers.
 */
record DbKey(int db, Key key) {}
