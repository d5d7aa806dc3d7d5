/**
 * Chapter 2: where a rate limiter sits (client SDK, CDN edge, API gateway, origin), for a
 * real-time bidding API whose limiter may add only microseconds to an allowed request.
 *
 * <p>The system is modelled as simulator nodes: bidders ({@code BidderClient}) send bid
 * requests in an open loop through CDN points of presence and API gateway instances
 * ({@code RelayNode}) to an origin with a bounded queue and a few workers ({@code OriginNode});
 * shared counters live on counter nodes ({@code CounterNode}), the role a Redis cluster plays
 * in most deployments, each holding the keys hashed to it. Wide-area legs are held by their
 * sender for the leg's latency ({@code Wan}); inside the data centre the simulated network
 * carries the messages. The limiters are sdlab's own ({@link sdlab.traffic.ratelimit}),
 * unchanged.
 *
 * <p>What the chapter measures, per variant: the time an allowed request waits for decisions,
 * where refused requests are dropped, the load that reaches the origin and its busy share, the
 * requests served beyond quota, and what a bidder with a modified SDK is served. The quota
 * reference ({@code Quota}) is the policy's arithmetic applied to the moments at which the
 * limiting tier counted a key's requests (burst + rate × time for the buckets, the limit per
 * window for the window algorithms): it calls no limiter, so the limiter under test cannot
 * grade itself, and a single limiter seeing all of a key's requests stays within a request or
 * two below it.
 *
 * <p>What it does not model: counter-store failures and the fail-open or fail-closed choice,
 * queueing at counter nodes, clients rotating API keys, and the CPU cost of a local check,
 * which is a parameter (one microsecond by default), not a measurement.
 */
package sdlab.chapters.traffic.placement;
