/**
 * The traffic chapters of the curriculum: where a rate limiter sits (chapter 2), canary
 * releases with session stickiness (4), TLS termination and connection reuse (7),
 * load-balancer features (9) and rate-limit responses (17), one subpackage each.
 *
 * <p>Each chapter models its system as nodes of the deterministic simulator: clients, edge
 * points of presence, gateways, backends, counter stores. The policies they run are the
 * project's own (the rate limiters of {@code sdlab.traffic.ratelimit} are used as they are);
 * where the real gateway in the {@code gateway} module implements the same policy, the
 * chapter's text names the class. Every number a chapter reports is measured in the
 * simulator; cost figures that a simulation cannot measure (the CPU time of a handshake, of
 * an in-memory limiter check) are parameters whose defaults and sources the chapter states.
 */
package sdlab.chapters.traffic;
