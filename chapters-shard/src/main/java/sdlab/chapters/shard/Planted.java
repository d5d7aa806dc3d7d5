package sdlab.chapters.shard;

import java.util.Objects;
import sdlab.shard.partition.KeyHash;
import sdlab.shard.store.RouterSettings;

/**
 * The bugs a test may plant in chapter 15's store to show that a claim catches them; {@link #NONE} as users run it.
 *
 * @param hash how hash schemes hash keys
 * @param routerBug what the routers do wrong
 */
record Planted(KeyHash hash, RouterSettings.Bug routerBug) {
    static final Planted NONE = new Planted(KeyHash.stable(), RouterSettings.Bug.NONE);

    Planted {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(routerBug, "routerBug");
    }
}
