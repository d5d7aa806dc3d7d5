package sdlab.chapters.traffic.placement;

import sdlab.chapters.traffic.placement.PlacementMessage.BidReply;
import sdlab.lab.SeedRun;

/**
 * What one run of chapter 2 counts, as the nodes report it: requests offered, where each
 * refused one was dropped, what reached the origin, and the latencies of served requests.
 * One per run; the run is single-threaded, so no synchronisation.
 */
final class PlacementTally {
    static final String OFFERED = "offered";
    static final String OFFERED_GOOD = "offeredGood";
    static final String DENIED_GOOD = "deniedGood";
    static final String REACHED_ORIGIN = "reachedOrigin";
    static final String SERVED = "served";
    static final String SHED = "shedAtOrigin";
    static final String FAILED_OPEN = "failedOpen";
    static final String ADDED_LATENCY = "addedLatency";
    static final String GOOD_LATENCY = "goodLatency";
    static final String ORIGIN_QUEUE = "originQueue";

    private final SeedRun.Builder run;
    private long reachedOrigin;
    private long originBusyNanos;

    PlacementTally(SeedRun.Builder run) {
        this.run = run;
    }

    static String droppedAt(Tier tier) {
        return switch (tier) {
            case CLIENT -> "droppedAtClient";
            case EDGE -> "droppedAtEdge";
            case GATEWAY -> "droppedAtGateway";
            case ORIGIN -> "droppedAtOrigin";
        };
    }

    void offered(BidderClient.Kind kind) {
        run.counter(OFFERED, 1);
        if (kind == BidderClient.Kind.GOOD) {
            run.counter(OFFERED_GOOD, 1);
        }
    }

    /** A request the bidder's own SDK refused: it never left the bidder. */
    void refusedBySdk(BidderClient.Kind kind) {
        run.counter(droppedAt(Tier.CLIENT), 1);
        if (kind == BidderClient.Kind.GOOD) {
            run.counter(DENIED_GOOD, 1);
        }
    }

    void throttled(Tier tier) {
        run.counter(droppedAt(tier), 1);
    }

    void reachedOrigin() {
        reachedOrigin++;
        run.counter(REACHED_ORIGIN, 1);
    }

    void originWorked(long nanos) {
        originBusyNanos += nanos;
    }

    /** A shared-counter decision that could not be waited for (too many pending) and was allowed. */
    void failedOpen() {
        run.counter(FAILED_OPEN, 1);
    }

    void shed() {
        run.counter(SHED, 1);
    }

    /** The bidder received its reply {@code latencyNanos} after sending the request. */
    void replied(BidderClient.Kind kind, BidReply reply, long latencyNanos) {
        switch (reply.result()) {
            case SERVED -> {
                run.counter(SERVED, 1);
                run.latencyNanos(ADDED_LATENCY, reply.request().decisionNanos());
                run.latencyNanos(ORIGIN_QUEUE, reply.originQueueNanos());
                if (kind == BidderClient.Kind.GOOD) {
                    run.latencyNanos(GOOD_LATENCY, latencyNanos);
                }
            }
            case THROTTLED, SHED -> {
                if (kind == BidderClient.Kind.GOOD) {
                    run.counter(DENIED_GOOD, 1);
                }
            }
        }
    }

    long reachedOriginCount() {
        return reachedOrigin;
    }

    long originBusyNanos() {
        return originBusyNanos;
    }
}
