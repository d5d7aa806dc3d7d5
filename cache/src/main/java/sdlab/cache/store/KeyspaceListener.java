package sdlab.cache.store;

/**
 * Told about keys that disappear without a command naming them, so that the engine can write
 * a DEL to the append-only file, as Redis propagates expirations and evictions.
 */
public interface KeyspaceListener {
    KeyspaceListener NONE = new KeyspaceListener() {
        @Override
        public void keyExpired(Key key) {}

        @Override
        public void keyEvicted(Key key) {}
    };

    void keyExpired(Key key);

    void keyEvicted(Key key);
}
