package sdlab.chapters.coord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sdlab.coord.fencing.FencingPolicy;
import sdlab.coord.recipes.LockKind;
import sdlab.lab.Variant;

/**
 * One answer to chapter 5's question: the recipe every client follows and what the store checks.
 *
 * @param name the variant's name in reports
 * @param description one line on what it does
 * @param kind the lock recipe
 * @param store what the protected store checks (every client sends its token; only a checking store reads it)
 */
record LockVariant(String name, String description, LockKind kind, FencingPolicy store) {
    static final String EPHEMERAL = "ephemeral";
    static final String SEQUENTIAL = "sequential";
    static final String FENCED = "sequential-fenced";
    static final String LEASE = "ttl-lease";

    static List<LockVariant> all() {
        return List.of(
                new LockVariant(
                        EPHEMERAL,
                        "A: create the ephemeral znode /lock; if it exists, watch it and try again when it goes",
                        LockKind.EPHEMERAL,
                        FencingPolicy.plain()),
                new LockVariant(
                        SEQUENTIAL,
                        "B: an ephemeral-sequential child of /locks each; the lowest holds; each waiter watches its"
                                + " predecessor",
                        LockKind.SEQUENTIAL,
                        FencingPolicy.plain()),
                new LockVariant(
                        FENCED,
                        "C: B, and the store refuses a read or write whose token (the child's czxid) is below one it"
                                + " has seen",
                        LockKind.SEQUENTIAL,
                        FencingPolicy.tokens()),
                new LockVariant(
                        LEASE,
                        "D: a TTL znode /lease, renewed every third of its TTL, trusted for the TTL by the holder's"
                                + " clock",
                        LockKind.TTL_LEASE,
                        FencingPolicy.plain()));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("recipe", kind);
        settings.put("storeChecksToken", store.checkTokens());
        return new Variant(name, description, settings);
    }
}
