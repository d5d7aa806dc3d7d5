package sdlab.cache.store;

/** The kinds of value a key can hold, with the names that Redis's TYPE command returns. */
public enum ValueType {
    STRING("string"),
    LIST("list"),
    HASH("hash"),
    SET("set"),
    ZSET("zset");

    private final String wireName;

    ValueType(String wireName) {
        this.wireName = wireName;
    }

    /** The name TYPE returns and SCAN's TYPE option accepts. */
    public String wireName() {
        return wireName;
    }
}
