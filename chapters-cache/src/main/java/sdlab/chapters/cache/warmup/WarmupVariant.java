package sdlab.chapters.cache.warmup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sdlab.chapters.cache.warmup.WarmupPolicy.OnWrite;
import sdlab.lab.ParamValues;
import sdlab.lab.Variant;

/**
 * One answer to chapter 13's question, as a cache policy of the freshly deployed service.
 *
 * @param name the variant's name in reports
 * @param description one line on what it does
 * @param policy the policy
 */
record WarmupVariant(String name, String description, WarmupPolicy policy) {
    static final String LAZY = "lazy";
    static final String PREPOPULATE = "prepopulate";
    static final String WRITE_THROUGH = "write-through";
    static final String TTL_ZERO = "ttl-zero";

    /** The four options, configured from the user's parameters. */
    static List<WarmupVariant> all(ParamValues values) {
        Duration ttl = values.get(WarmupParams.TTL);
        return List.of(
                new WarmupVariant(
                        LAZY,
                        "lazy loading: a miss reads the database and fills the cache; a write deletes the entry",
                        new WarmupPolicy(false, OnWrite.INVALIDATE, ttl, 0)),
                new WarmupVariant(
                        PREPOPULATE,
                        "batch pre-population: the whole data set is read in pages at start-up, then as lazy",
                        new WarmupPolicy(true, OnWrite.INVALIDATE, ttl, 0)),
                new WarmupVariant(
                        WRITE_THROUGH,
                        "write-through: a write stores the new version in the cache too; a miss loads as lazy",
                        new WarmupPolicy(false, OnWrite.WRITE_THROUGH, ttl, 0)),
                new WarmupVariant(
                        TTL_ZERO,
                        "TTL of zero: entries expire at once, so every read goes to the database",
                        new WarmupPolicy(false, OnWrite.INVALIDATE, Duration.ZERO, 0)));
    }

    Variant toVariant() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("prepopulate", policy.prepopulate());
        settings.put("onWrite", policy.onWrite().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        settings.put("ttl", policy.ttl().isZero() ? "0" : policy.ttl().toString());
        return new Variant(name, description, settings);
    }
}
