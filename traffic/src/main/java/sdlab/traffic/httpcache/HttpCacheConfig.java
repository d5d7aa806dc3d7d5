package sdlab.traffic.httpcache;

import java.util.Objects;

/**
 * How an {@link HttpCache} behaves: which kind of cache it is, how many bytes it holds, and
 * whether it carries one of the two misconfigurations the lab measures.
 *
 * @param role private (one user's browser) or shared (a proxy, an edge POP)
 * @param capacityBytes the most bytes of responses it holds
 * @param varyHandling whether the cache key includes the fields a response varies on
 * @param privateHandling whether a shared cache refuses {@code private} responses
 */
public record HttpCacheConfig(
        Role role, long capacityBytes, VaryHandling varyHandling, PrivateHandling privateHandling) {

    /** RFC 9111 section 1: who a cache serves. */
    public enum Role {
        /** One user's cache, a browser's: it may keep {@code private} responses and ignores s-maxage. */
        PRIVATE,
        /** A cache between many users and the origin, a proxy's or a CDN's. */
        SHARED
    }

    /** Whether stored responses are selected by the request fields their {@code Vary} names. */
    public enum VaryHandling {
        /** As RFC 9111 section 4.1 requires: one stored response per combination of the varied fields. */
        HONOUR,
        /**
         * The misconfiguration of a cache keyed by method and URL alone: the first user's variant is
         * served to every user who asks for the URL, whatever their varied fields say.
         */
        IGNORE
    }

    /** Whether a shared cache honours the {@code private} directive. */
    public enum PrivateHandling {
        /** As RFC 9111 section 3 requires: a shared cache stores no private response. */
        HONOUR,
        /**
         * The misconfiguration of a "cache everything" edge rule: a shared cache stores private
         * responses, and one user's page goes to the next. A private cache ignores this setting.
         */
        IGNORE
    }

    public HttpCacheConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(varyHandling, "varyHandling");
        Objects.requireNonNull(privateHandling, "privateHandling");
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("a capacity is not negative, got " + capacityBytes);
        }
    }

    /** A browser's cache of {@code capacityBytes}, as RFC 9111 specifies it. */
    public static HttpCacheConfig privateCache(long capacityBytes) {
        return new HttpCacheConfig(Role.PRIVATE, capacityBytes, VaryHandling.HONOUR, PrivateHandling.HONOUR);
    }

    /** A shared cache of {@code capacityBytes}, as RFC 9111 specifies it. */
    public static HttpCacheConfig sharedCache(long capacityBytes) {
        return new HttpCacheConfig(Role.SHARED, capacityBytes, VaryHandling.HONOUR, PrivateHandling.HONOUR);
    }

    public HttpCacheConfig withVaryHandling(VaryHandling handling) {
        return new HttpCacheConfig(role, capacityBytes, handling, privateHandling);
    }

    public HttpCacheConfig withPrivateHandling(PrivateHandling handling) {
        return new HttpCacheConfig(role, capacityBytes, varyHandling, handling);
    }

    boolean shared() {
        return role == Role.SHARED;
    }
}
