package sdlab.chapters.cache.layers;

import java.util.List;
import sdlab.chapters.cache.layers.LayersMessage.HttpGet;

/**
 * How an edge POP caches what passes through it.
 *
 * @param caches whether it keeps responses at all
 * @param honoursPrivate whether it refuses to keep {@code private} responses, as a shared cache must
 * @param keysByVary whether its cache key holds the values of the request headers the response varies on
 */
record EdgePolicy(boolean caches, boolean honoursPrivate, boolean keysByVary) {
    /** A pass-through proxy. */
    static final EdgePolicy OFF = new EdgePolicy(false, true, true);

    /** A shared cache as HTTP specifies it: no private responses, a key of URL and Vary'd header values. */
    static final EdgePolicy STANDARD = new EdgePolicy(true, true, true);

    /** "Cache everything" keyed by URL alone: Cache-Control private and Vary ignored. */
    static final EdgePolicy URL_ONLY = new EdgePolicy(true, false, false);

    /** Whether a response with {@code control} may be kept. */
    boolean keeps(CacheControl control) {
        return caches && control.maxAgeMillis() > 0 && !(honoursPrivate && control.privateOnly());
    }

    /** The key under which the response to {@code request} is kept, given the headers its URL varies on. */
    String key(HttpGet request, List<String> vary) {
        if (!keysByVary || vary.isEmpty()) {
            return request.url();
        }
        StringBuilder key = new StringBuilder(request.url());
        for (String header : vary) {
            key.append('|').append(header).append('=').append(request.header(header));
        }
        return key.toString();
    }

    /** The same policy with the planted bug: a shared cache that leaves Vary out of its key. */
    EdgePolicy forgettingVary() {
        return caches && honoursPrivate ? new EdgePolicy(true, true, false) : this;
    }

    String label() {
        if (!caches) {
            return "off";
        }
        if (!honoursPrivate && !keysByVary) {
            return "cache everything, key = URL";
        }
        return keysByVary ? "key = URL + Vary" : "key = URL (Vary forgotten)";
    }
}
