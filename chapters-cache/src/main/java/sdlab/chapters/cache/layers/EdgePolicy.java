package sdlab.chapters.cache.layers;

import java.util.Optional;
import sdlab.traffic.httpcache.HttpCacheConfig;
import sdlab.traffic.httpcache.HttpCacheConfig.PrivateHandling;
import sdlab.traffic.httpcache.HttpCacheConfig.VaryHandling;

/**
 * How an edge POP caches what passes through it: not at all, or as the project's shared HTTP
 * cache ({@link sdlab.traffic.httpcache.HttpCache}) configured correctly or with one of the
 * mistakes the chapter measures. The caching rules themselves live in that mechanism; this only
 * chooses its configuration.
 */
enum EdgePolicy {
    /** A pass-through proxy. */
    OFF("off", null, null),

    /** A shared cache as HTTP specifies it: no private responses, a key of URL and Vary'd header values. */
    STANDARD("key = URL + Vary", PrivateHandling.HONOUR, VaryHandling.HONOUR),

    /** The misconfigured "cache everything" rule keyed by URL alone: private and Vary both ignored. */
    URL_ONLY("cache everything, key = URL", PrivateHandling.IGNORE, VaryHandling.IGNORE),

    /** The planted bug: a shared cache that honours private but leaves Vary out of its key. */
    VARY_FORGOTTEN("key = URL (Vary forgotten)", PrivateHandling.HONOUR, VaryHandling.IGNORE);

    private final String label;
    private final PrivateHandling privateHandling;
    private final VaryHandling varyHandling;

    EdgePolicy(String label, PrivateHandling privateHandling, VaryHandling varyHandling) {
        this.label = label;
        this.privateHandling = privateHandling;
        this.varyHandling = varyHandling;
    }

    /** The shared cache a POP of {@code capacityBytes} runs under this policy; empty when it does not cache. */
    Optional<HttpCacheConfig> cacheConfig(long capacityBytes) {
        if (this == OFF) {
            return Optional.empty();
        }
        return Optional.of(HttpCacheConfig.sharedCache(capacityBytes)
                .withPrivateHandling(privateHandling)
                .withVaryHandling(varyHandling));
    }

    /** The same policy with the planted bug: a shared cache that leaves Vary out of its key. */
    EdgePolicy forgettingVary() {
        return this == STANDARD ? VARY_FORGOTTEN : this;
    }

    String label() {
        return label;
    }
}
