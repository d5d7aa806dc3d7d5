package sdlab.chapters.traffic.placement;

import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/** Adds what is known only at the end of a run to the counts the nodes made: quotas kept, origin load. */
final class PlacementMeasurements {
    static final String ENTITLED = "entitled";
    static final String OVER_ADMITTED = "overAdmitted";
    static final String ENTITLED_ABUSIVE = "entitledAbusive";
    static final String ENTITLED_MODIFIED = "entitledModified";
    static final String SERVED_MODIFIED = "servedModified";
    static final String ORIGIN_LOAD = "originLoadPerSecond";
    static final String ORIGIN_BUSY = "originBusyShare";

    private static final double NANOS_PER_SECOND = 1e9;

    private PlacementMeasurements() {}

    static SeedRun finish(
            PlacementScenario.Outcome outcome, SeedRun.Builder run, RunOptions options, int originWorkers) {
        for (BidderClient bidder : outcome.bidders()) {
            run.counter(ENTITLED, bidder.entitled());
            run.counter(OVER_ADMITTED, Math.max(0, bidder.served() - bidder.entitled()));
            if (bidder.kind() != BidderClient.Kind.GOOD) {
                run.counter(ENTITLED_ABUSIVE, bidder.entitled());
            }
            if (bidder.kind() == BidderClient.Kind.MODIFIED) {
                run.counter(ENTITLED_MODIFIED, bidder.entitled());
                run.counter(SERVED_MODIFIED, bidder.served());
            }
        }
        double seconds = outcome.durationNanos() / NANOS_PER_SECOND;
        run.value(ORIGIN_LOAD, outcome.tally().reachedOriginCount() / seconds);
        run.value(ORIGIN_BUSY, outcome.tally().originBusyNanos() / ((double) originWorkers * outcome.durationNanos()));
        run.traceHash(outcome.sim().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.sim().trace());
        }
        return run.build();
    }
}
