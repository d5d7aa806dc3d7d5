package sdlab.chapters.cache.redismemcached;

import java.nio.charset.StandardCharsets;

/**
 * Keys {@code k0} to {@code k<keys-1>} with values of {@code valueBytes} bytes each, and how any
 * key's value is derived from the key, so that clients and nodes agree on a value without sending
 * it around and a check after a restart can tell a kept value from a damaged one.
 *
 * @param keys how many keys
 * @param valueBytes the size of every value
 */
record DataSet(int keys, int valueBytes) {
    /** No keys: a node that starts empty. */
    static final DataSet EMPTY = new DataSet(0, 0);

    DataSet {
        if (keys < 0 || valueBytes < 0) {
            throw new IllegalArgumentException("a data set has no negative sizes");
        }
    }

    /** Stores every key of the set in {@code store}. */
    void loadInto(CacheStore store) {
        for (int i = 0; i < keys; i++) {
            String key = "k" + i;
            boolean stored = store.set(key, valueOf(key, valueBytes));
            assert stored : "preloading needs a store without a memory limit";
        }
    }

    /** The value every writer writes under {@code key}: the key's characters repeated to {@code size} bytes. */
    static byte[] valueOf(String key, int size) {
        byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
        assert keyBytes.length > 0 : "keys are never empty";
        byte[] value = new byte[size];
        int filled = Math.min(size, keyBytes.length);
        System.arraycopy(keyBytes, 0, value, 0, filled);
        while (filled < size) { // doubling copies: a few calls even for large values
            int chunk = Math.min(filled, size - filled);
            System.arraycopy(value, 0, value, filled, chunk);
            filled += chunk;
        }
        return value;
    }
}
