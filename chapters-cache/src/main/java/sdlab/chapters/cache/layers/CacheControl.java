package sdlab.chapters.cache.layers;

import java.util.List;

/**
 * What an origin response says about caching it, as HTTP's {@code Cache-Control} and {@code Vary}
 * headers do.
 *
 * @param privateOnly {@code private}: only the user's own browser may keep it, never a shared cache
 * @param maxAgeMillis how long a kept copy stays fresh
 * @param vary the request headers whose values select the variant: a cache that keeps the response
 *     must key it by them as well as by the URL
 */
record CacheControl(boolean privateOnly, long maxAgeMillis, List<String> vary) {
    CacheControl {
        vary = List.copyOf(vary);
    }
}
