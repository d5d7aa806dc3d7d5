/**
 * Chapter 17: how a throttled client learns when to retry, and what its retries cost the
 * server.
 *
 * <p>An API node ({@code ApiServer}) keeps one token bucket per client (sdlab's {@code
 * KeyedRateLimiter}) and answers refused requests with the 429 that sdlab's real gateway sends,
 * built by {@link sdlab.traffic.ratelimit.http.ThrottleResponse#tooManyRequests}: {@code
 * Retry-After} (delta-seconds or an HTTP-date), the IETF {@code RateLimit-Policy} and {@code
 * RateLimit} fields and a problem+json body. Clients ({@code ApiClient}) each receive a backlog
 * at almost the same moment, the throttling episode, and work through it with a few workers;
 * what they do after a 429 is a {@code RetryPolicy}: obey {@code Retry-After}, retry at once,
 * back off exponentially with or without jitter, or also pace themselves by the {@code
 * RateLimit} field.
 *
 * <p>The question's four candidate fields are judged by the server's own responses: for every
 * 429 it checks which fields hold a wait in delta-seconds or an HTTP-date, with the same reader
 * the clients use ({@code RetryTime}). It also checks that {@code Retry-After} never asks for
 * less than the limiter's exact wait. Wall clocks start at a fixed date so that HTTP-dates
 * replay; a client's clock may be offset to show what skew does to the date form.
 *
 * <p>Not modelled: server capacity (429s cost nothing here), global load shedding with 503,
 * and clients that share one quota.
 */
package sdlab.chapters.traffic.responses;
