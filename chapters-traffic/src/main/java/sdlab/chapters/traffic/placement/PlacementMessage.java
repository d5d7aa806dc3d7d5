package sdlab.chapters.traffic.placement;

import sdlab.core.Message;
import sdlab.core.NodeId;

/** Chapter 2's protocol: bid requests and their replies, and the shared counters' acquire and verdict. */
sealed interface PlacementMessage extends Message {

    /**
     * A bid request on its way in. The path fields are filled in as it passes each tier, so
     * that the reply can retrace it without any tier remembering the request.
     *
     * @param requestId unique per bidder
     * @param client the bidder, whose name is also its API key
     * @param pop the POP it entered through, or null before it reaches one
     * @param gateway the gateway instance it passed, or null before it reaches one
     * @param sentAtNanos when the bidder sent it
     * @param decisionNanos time spent so far waiting for rate-limit decisions
     * @param limitedAtNanos when the limiting tier counted it, or {@link #NOT_COUNTED}
     */
    record BidRequest(
            long requestId,
            NodeId client,
            NodeId pop,
            NodeId gateway,
            long sentAtNanos,
            long decisionNanos,
            long limitedAtNanos)
            implements PlacementMessage {

        /** The limitedAtNanos of a request no limiter has counted yet. */
        static final long NOT_COUNTED = -1;

        String key() {
            return client.name();
        }

        BidRequest via(Tier tier, NodeId node) {
            return switch (tier) {
                case EDGE ->
                    new BidRequest(requestId, client, node, gateway, sentAtNanos, decisionNanos, limitedAtNanos);
                case GATEWAY ->
                    new BidRequest(requestId, client, pop, node, sentAtNanos, decisionNanos, limitedAtNanos);
                case CLIENT, ORIGIN -> this;
            };
        }

        /** The request after a decision that took {@code nanos}, counted by the limiter at {@code atNanos}. */
        BidRequest decided(long nanos, long atNanos) {
            return new BidRequest(requestId, client, pop, gateway, sentAtNanos, decisionNanos + nanos, atNanos);
        }
    }

    /** How a bid request ended. */
    enum Result {
        /** The origin computed a bid. */
        SERVED,
        /** A rate limiter refused it (429). */
        THROTTLED,
        /** The origin's queue was full (503). */
        SHED
    }

    /**
     * The answer to a bid request, travelling back along the request's path.
     *
     * @param request the request, with its path and decision time
     * @param result what happened to it
     * @param decidedAt the tier that refused it, or the origin for served and shed requests
     * @param originQueueNanos how long it waited in the origin's queue (0 if it never got there)
     */
    record BidReply(BidRequest request, Result result, Tier decidedAt, long originQueueNanos)
            implements PlacementMessage {}

    /** A tier asks a counter node for one permit of {@code key}. */
    record Acquire(long ticket, String key) implements PlacementMessage {}

    /** The counter node's decision for the acquire with this ticket, taken at {@code decidedAtNanos}. */
    record Verdict(long ticket, boolean allowed, long decidedAtNanos) implements PlacementMessage {}
}
