/**
 * Where a request goes, decided once for sdlab's real gateway and for the simulated ingresses of
 * the traffic chapters: the route that matches it ({@link sdlab.traffic.routing.RouteTable}) and,
 * on a route with a canary, the release track that serves it ({@link
 * sdlab.traffic.routing.CanarySelector}).
 *
 * <p>Routes follow NGINX's and Envoy's prefix routes: an optional exact host (case-insensitive)
 * and a path prefix, first match in configuration order wins. Canary selection follows
 * ingress-nginx: its three canary rules (header, then cookie, then weight) and, since
 * ingress-nginx 1.0 made canaries respect session affinity ({@code affinity-canary-behavior:
 * sticky}), a session pinned to a track keeps it before any rule is asked. The precedence and
 * why it was chosen are in {@link sdlab.traffic.routing.CanarySelector}.
 *
 * <p>Guarantees: decisions are pure functions of the request's inputs, the route's state and
 * the random generator handed in, so a simulated node replays them from its seed and the
 * gateway, given the same inputs and draws, decides alike. Not here: reading HTTP fields and
 * cookies off the wire (the gateway does it) and choosing a server within the chosen upstream
 * ({@code sdlab.traffic.balance}).
 */
package sdlab.traffic.routing;
