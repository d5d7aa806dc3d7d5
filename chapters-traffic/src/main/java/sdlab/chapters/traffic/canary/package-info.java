/**
 * Chapter 4: canary releases that must reach a chosen group of users without splitting
 * anyone's session between two versions.
 *
 * <p>Users ({@code UserClient}) browse in sessions; the app marks the chosen users' requests
 * with a canary header, and a session keeps the pin cookie the ingress sets on its first
 * page. The fleet depends on the strategy: an ingress ({@code IngressNode}) in front of stable
 * and canary pods ({@code PodNode}), routing by header with session pins (through {@code
 * CanaryRouter}, the gateway's selector) or picking a random endpoint per request; two environments behind a DNS
 * record ({@code DnsNode}) that clients cache for its TTL; or nodes that switch version one
 * by one. A deployer ({@code DeployerNode}) starts the canary and rolls it back on a fixed
 * timeline; ingress changes take a random part of a configured delay to apply.
 *
 * <p>Sessions are judged after the run, once the rollback's end is known: those in progress
 * while it took effect are counted apart, and only sessions that started after the release
 * settled and ended before the rollback decide whether the chosen users were on the canary
 * and the others were not. The ingress decides with the real gateway's canary rules, the
 * shared {@code sdlab.traffic.routing.CanarySelector}: the session's pin first, then the
 * header, then the weight; {@code --pin-sessions false} shows what the header-first order
 * costs.
 *
 * <p>Not modelled: pod start-up and readiness during a rollout, weighted DNS, clients that
 * ignore TTLs, and server-side session stores that make stickiness unnecessary.
 */
package sdlab.chapters.traffic.canary;
