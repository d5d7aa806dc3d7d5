package sdlab.cache.memcached;

/** How incr or decr ended. */
public sealed interface IncrResult {
    /** The new value, an unsigned 64-bit number. */
    record Value(long unsigned) implements IncrResult {
        public String text() {
            return Long.toUnsignedString(unsigned);
        }
    }

    /** The key does not exist. */
    record NotFound() implements IncrResult {}

    /** The item's data is not a decimal number. */
    record NonNumeric() implements IncrResult {}
}
