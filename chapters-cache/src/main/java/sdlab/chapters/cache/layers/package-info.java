/**
 * Chapter 20, caching layers: which layer of a personalised video service cuts origin bandwidth
 * most while every user keeps seeing their own variant.
 *
 * <p>Users ({@link sdlab.chapters.cache.layers.BrowserClient}, each with a browser cache) reach
 * the service through edge POPs ({@link sdlab.chapters.cache.layers.EdgeNode}), which forward to
 * the origin ({@link sdlab.chapters.cache.layers.OriginNode}, with an application memory cache of
 * database rows, the cache module's engine), which reads rows from a database with a buffer pool
 * ({@link sdlab.chapters.cache.layers.DatabaseNode}). Responses carry HTTP's caching headers,
 * {@code Cache-Control} and {@code Vary}: the home page is {@code private}, artwork varies on the
 * user's taste segment, manifests and video segments are the same for everyone.
 *
 * <p>Browsers and edges are thin callers of the project's HTTP cache,
 * {@link sdlab.traffic.httpcache.HttpCache} (RFC 9111's storage, freshness and Vary rules, a
 * byte-bounded LRU), private in the browser and shared in the edge. The standard edge keeps no
 * private response and keys a varied response by its URL and the values of the headers it
 * varies on; the misconfigured one ({@link sdlab.chapters.cache.layers.EdgePolicy}) keys
 * everything by URL and keeps private responses, as a "cache everything" rule does. Each browser
 * checks that every personalised response it shows is its user's; one that is not is a
 * personalisation mistake.
 *
 * <p>Modelled, not measured: sizes of responses, the cost of database page reads, and one latency
 * distribution for every link, so latencies do not show an edge's nearness to users. Bodies are
 * not transferred, their sizes are counted; origin bandwidth is the bytes the origin sends.
 */
package sdlab.chapters.cache.layers;
