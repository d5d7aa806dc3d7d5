/**
 * The memcached side of the cache node: a multi-threaded store with memcached 1.6's text
 * protocol semantics (set/add/replace/append/prepend/cas, incr/decr, touch, flush_all), kept
 * apart from the single-threaded Redis engine so that the lab can compare the two designs.
 * See {@link sdlab.cache.memcached.MemcachedStore} for the locking choice. Nothing here is
 * persisted, as in memcached.
 */
package sdlab.cache.memcached;
