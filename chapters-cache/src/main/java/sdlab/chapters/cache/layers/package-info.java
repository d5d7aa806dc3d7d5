/**
 * Chapter 20, caching layers: which layer of a personalised video service cuts origin bandwidth
 * most while every user keeps seeing their own variant.
 *
 * <p>Users ({@link sdlab.chapters.cache.layers.BrowserClient}, each with a browser cache) reach
 * the service through edge POPs ({@link sdlab.chapters.cache.layers.EdgeNode}), which forward to
 * the origin ({@link sdlab.chapters.cache.layers.OriginNode}, with an application memory cache of
 * database rows, the cache module's engine), which reads rows from a database with a buffer pool
 * ({@link sdlab.chapters.cache.layers.DatabaseNode}). Responses carry HTTP's caching headers
 * ({@link sdlab.chapters.cache.layers.CacheControl}): the home page is {@code private}, artwork
 * varies on the user's taste segment, manifests and video segments are the same for everyone.
 *
 * <p>The edge follows HTTP's rules for a shared cache when its policy is standard: no private
 * response is kept, and a varied response is keyed by its URL and the values of the headers it
 * varies on ({@link sdlab.chapters.cache.layers.EdgePolicy}). The misconfigured policy keys
 * everything by URL, as a "cache everything" rule does. Each browser checks that every
 * personalised response it shows is its user's; one that is not is a personalisation mistake.
 *
 * <p>Modelled, not measured: sizes of responses, the cost of database page reads, and one latency
 * distribution for every link, so latencies do not show an edge's nearness to users. Bodies are
 * not transferred, their sizes are counted; origin bandwidth is the bytes the origin sends.
 */
package sdlab.chapters.cache.layers;
