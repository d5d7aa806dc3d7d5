package sdlab.chapters.traffic.placement;

/** The places along a bid request's path where a rate limiter can sit, from the bidder inwards. */
enum Tier {
    /** The bidder's own SDK, before the request leaves the bidder's machine. */
    CLIENT,
    /** A CDN point of presence near the bidder. */
    EDGE,
    /** The API gateway in front of the origin, in the origin's data centre. */
    GATEWAY,
    /** The origin server that computes bids. */
    ORIGIN
}
