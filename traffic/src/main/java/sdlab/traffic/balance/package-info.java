/**
 * Which server of an upstream takes a request, decided once for sdlab's real gateway and for
 * the simulated balancers of the traffic chapters: which servers are eligible (health, passive
 * ejection, draining), session affinity, and the balancing policy among the rest.
 *
 * <p>It follows NGINX's upstream module and Envoy's load balancers: round robin, least
 * connections (fewest requests in flight, ties in rotation) and consistent hashing (Karger et
 * al., 1997, with virtual nodes, as Envoy's ring hash); cookie stickiness (the cookie names the
 * server, NGINX's {@code sticky cookie}) and client-address affinity (a ring hash of the
 * address, NGINX's {@code ip_hash} made consistent); active health verdicts with thresholds in a
 * row ({@code healthy_threshold} / {@code unhealthy_threshold}), passive ejection after
 * consecutive failures (NGINX's {@code max_fails} / {@code fail_timeout}, Envoy's outlier
 * detection), and draining: a server taken out of rotation gets no new requests while its
 * requests in flight finish.
 *
 * <p>Guarantees: a choice is a function of the servers' state, the request's keys and the time
 * handed in; no clock, thread or global randomness is read here, so a simulated balancer replays
 * from its seed and the gateway decides alike for the same inputs. State that the gateway's
 * event loops share is volatile or atomic. Not here: probing servers, connections, pools and
 * the wait for a drain to finish (the gateway's and the simulated node's I/O).
 */
package sdlab.traffic.balance;
