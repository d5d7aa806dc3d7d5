/**
 * Chapter 9: what three load-balancer features each change, measured one at a time against
 * the same baseline: HTTP/2 multiplexing, connection draining and session affinity.
 *
 * <p>Browsers ({@code BrowserClient}) load pages of several requests at once, over up to six
 * HTTP/1.1 connections or one HTTP/2 connection, and keep the site's session cookie and the
 * balancer's affinity cookie. The balancer ({@code BalancerNode}) spreads requests (or, with
 * {@code --balance per-connection}, connections) by round robin, or with affinity to the
 * session's backend (cookie stickiness; a TCP balancer can only hash the client's address), and
 * those choices are the real gateway's: the shared {@code sdlab.traffic.balance.ServerGroup}.
 * It also runs a rolling
 * deploy: one backend at a time leaves rotation, is stopped (at once, or after its requests in
 * flight finish, as the real gateway's draining does) and restarts. Backends ({@code
 * BackendNode}) keep sessions in memory, so a request sent to another backend, or arriving
 * after a restart, finds its user logged out.
 *
 * <p>Measured per variant: connections per browser, requests lost in the deploy, requests that
 * found their session gone and requests misrouted away from a serving session backend, the
 * load skew over backends, the deploy's duration and page load times. The question's options
 * are each feature's claimed effects, true and false, decided by comparing with the baseline
 * on the same seed.
 *
 * <p>Not modelled: connection idle timeouts, head-of-line blocking inside TCP, backend
 * capacity limits and shared session stores.
 */
package sdlab.chapters.traffic.lbfeatures;
