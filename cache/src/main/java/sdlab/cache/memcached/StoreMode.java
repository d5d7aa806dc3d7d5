package sdlab.cache.memcached;

/** The storage commands of the text protocol. */
public enum StoreMode {
    /** Store unconditionally. */
    SET,
    /** Store only if the key is missing. */
    ADD,
    /** Store only if the key exists. */
    REPLACE,
    /** Add data after the existing item's data (its flags and expiry stay). */
    APPEND,
    /** Add data before the existing item's data. */
    PREPEND,
    /** Store only if the item's cas unique still matches ("check and set"). */
    CAS
}
