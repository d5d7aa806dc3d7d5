package sdlab.shard.hot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Key splitting (salting) for hot write keys: a write of a salted key goes to one of {@code salts} sub-keys chosen at
 * random, {@code key#0} to {@code key#(salts-1)}, which hash to different shards; a read must gather all of them. The
 * writes spread; the reads pay a fan-out of {@code salts} requests. The router answers a gathered read with the largest
 * sub-key value, the newest when writes carry increasing values (versions, timestamps); a counter would sum them.
 *
 * <p>Which keys are salted is configuration, not the online detector: every router must agree on it before the first
 * write, or a router that has not yet noticed the key reads the unsalted key while others write sub-keys. Systems that
 * salt (DynamoDB's write sharding, HBase's salted row keys) decide it in the schema for the same reason; the shards'
 * top-k is where an operator learns which keys to list.
 *
 * @param keys the salted keys
 * @param salts sub-keys per salted key
 * @param alwaysFirst the planted bug: every write goes to sub-key 0, so nothing spreads
 */
public record KeySalting(Set<String> keys, int salts, boolean alwaysFirst) {
    /** No key salted. */
    public static final KeySalting NONE = new KeySalting(Set.of(), 1, false);

    /** The largest fan-out a read may pay. */
    static final int SALTS_MAX = 256;

    public KeySalting {
        keys = Set.copyOf(new TreeSet<>(keys));
        if (salts < 1 || salts > SALTS_MAX) {
            throw new IllegalArgumentException("salts must be in [1, " + SALTS_MAX + "], got " + salts);
        }
    }

    /** Whether {@code key} is written as sub-keys. */
    public boolean salts(String key) {
        return salts > 1 && keys.contains(key);
    }

    /** Sub-key {@code i} of {@code key}. */
    public static String subKey(String key, int i) {
        return key + "#" + i;
    }

    /** Where one write of {@code key} goes: a random sub-key if it is salted, the key itself if not. */
    public String writeKey(String key, RandomGenerator random) {
        if (!salts(key)) {
            return key;
        }
        return subKey(key, alwaysFirst ? 0 : random.nextInt(salts));
    }

    /** What a read of {@code key} must gather: every sub-key if it is salted, the key itself if not. */
    public List<String> readKeys(String key) {
        if (!salts(key)) {
            return List.of(key);
        }
        List<String> all = new ArrayList<>(salts);
        for (int i = 0; i < salts; i++) {
            all.add(subKey(key, i));
        }
        return all;
    }
}
