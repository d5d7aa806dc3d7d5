package sdlab.cache.store;

/**
 * What a key holds. Strings are immutable; lists, hashes, sets and sorted sets are changed in place by
 * commands, which then tell the {@link Keyspace} (see {@link Keyspace#valueChanged}) so that
 * memory accounting stays exact.
 */
public sealed interface Value permits StringValue, ListValue, HashValue, SetValue, SortedSetValue {

    ValueType type();

    /** The approximate heap bytes of the value itself (see {@link MemoryAccounting}). */
    long sizeBytes();
}
