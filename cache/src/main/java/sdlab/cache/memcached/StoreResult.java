package sdlab.cache.memcached;

/** How a storage command ended, named as the protocol's reply lines. */
public enum StoreResult {
    STORED,
    NOT_STORED,
    /** cas: the item changed since the client read it. */
    EXISTS,
    /** cas: the item does not exist. */
    NOT_FOUND,
    /** Larger than the item size limit: {@code SERVER_ERROR object too large for cache}. */
    TOO_LARGE,
    /** Larger than a whole segment of memory: {@code SERVER_ERROR out of memory storing object}. */
    OUT_OF_MEMORY
}
