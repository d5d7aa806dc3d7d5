/**
 * Rate limiters: six algorithms behind one Strategy interface, {@link
 * sdlab.traffic.ratelimit.RateLimiter}, and a keyed table of them, {@link
 * sdlab.traffic.ratelimit.KeyedRateLimiter}.
 *
 * <p>The algorithms are the ones every system-design discussion compares: {@link
 * sdlab.traffic.ratelimit.TokenBucket}, {@link sdlab.traffic.ratelimit.LeakyBucket} (as a
 * queue that shapes the output), {@link sdlab.traffic.ratelimit.FixedWindow}, {@link
 * sdlab.traffic.ratelimit.SlidingWindowLog}, {@link sdlab.traffic.ratelimit.SlidingWindowCounter}
 * and {@link sdlab.traffic.ratelimit.Gcra}. Each one's javadoc states its burst, its fairness
 * and its exact promise: the most permits it admits over an interval of a given length. The
 * tests drive every algorithm with seeded random arrivals against a brute-force reference model
 * and check every field of every decision, and check each promise over every interval; they
 * also show the one promise that is weak on purpose: a fixed window admits twice its limit
 * across a window boundary.
 *
 * <p>What they guarantee: decisions are exact (integer arithmetic in permit-nanoseconds, no
 * floating point), deterministic and independent of the clock's origin except for the window
 * algorithms, whose windows are aligned to it. A denied decision says how long to wait
 * ({@code retryAfterNanos}, the exact shortest wait if nothing else arrives), which the HTTP
 * helpers in {@code sdlab.traffic.ratelimit.http} turn into {@code Retry-After} and the IETF
 * {@code RateLimit} fields. What they do not: they are not thread-safe (the gateway wraps them
 * in locks) and one limiter knows only the traffic it sees.
 *
 * <p>Limiters are pure functions of (state, time, permits), with no clock, thread or I/O. That
 * is what will let a distributed variant keep its counters on other nodes of the simulator: a
 * counter node holds an ordinary {@code KeyedRateLimiter} and answers acquire messages with its
 * decisions, and a gateway-side node trades the extra round trip for a shared limit (or
 * decides locally from a leased share of the rate). That variant is future work.
 */
package sdlab.traffic.ratelimit;
