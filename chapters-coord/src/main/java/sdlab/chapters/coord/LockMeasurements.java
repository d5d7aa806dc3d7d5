package sdlab.chapters.coord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sdlab.coord.fencing.AppliedWrite;
import sdlab.lab.RunOptions;
import sdlab.lab.SeedRun;

/**
 * Turns one lock run into the seed's counts. Holds are what the clients believed, on the virtual
 * time line; the counter's fate is what the store applied, read from its disk. Every accepted
 * write was meant as one increment, so the writes applied minus the counter's final value is the
 * number of increments lost; a write applied after one with a higher token is out of order.
 */
final class LockMeasurements {
    static final String ACQUISITIONS = "acquisitions";
    static final String OVERLAPPING_HOLDS = "overlappingHolds";
    static final String OVERLAP_NANOS = "overlapNanos";
    static final String WRITES = "writesApplied";
    static final String LOST_UPDATES = "lostUpdates";
    static final String OUT_OF_ORDER = "outOfOrderWrites";
    static final String REFUSED = "refusedByToken";
    static final String NOTIFICATIONS = "notifications";
    static final String RELEASES = "holdsEnded";

    private LockMeasurements() {}

    static SeedRun measure(LockScenario.Outcome outcome, RunOptions options) {
        SeedRun.Builder run = SeedRun.builder();
        List<HoldLog.Hold> holds = outcome.log().holds(outcome.lengthNanos());
        run.counter(ACQUISITIONS, holds.size());
        countWrites(outcome.applied(), run); // first: a lost update is the finding that matters most
        countOverlaps(holds, run);
        run.counter(REFUSED, outcome.store().counts().refusedStale());
        run.counter(NOTIFICATIONS, outcome.log().notifications());
        run.counter(RELEASES, outcome.log().holdsEnded());
        for (LockFaults.HolderFault fault : outcome.faults().faults()) {
            run.finding("fault: %s of the holder from %.3f s for %d ms"
                    .formatted(LockFaults.name(fault.kind()), fault.atNanos() / 1e9, fault.lengthNanos() / 1_000_000));
        }
        run.traceHash(outcome.result().traceHash());
        if (options.recordTrace()) {
            run.trace(outcome.result().trace());
        }
        return run.build();
    }

    /** Pairs of holds that overlap, and the time during which two or more clients held at once. */
    private static void countOverlaps(List<HoldLog.Hold> holds, SeedRun.Builder run) {
        List<HoldLog.Hold> sorted = new ArrayList<>(holds);
        sorted.sort(Comparator.comparingLong(HoldLog.Hold::fromNanos));
        long pairs = 0;
        long overlapNanos = 0;
        long coveredUntil = Long.MIN_VALUE; // the latest end among holds begun so far
        for (int i = 0; i < sorted.size(); i++) {
            HoldLog.Hold hold = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).fromNanos() < hold.toNanos(); j++) {
                pairs++;
                HoldLog.Hold later = sorted.get(j);
                if (pairs <= 3) {
                    run.finding(
                            "overlap: %s held (token %d) from %.3f s to %.3f s (%s); %s took it (token %d) at %.3f s"
                                    .formatted(
                                            hold.client(),
                                            hold.token(),
                                            hold.fromNanos() / 1e9,
                                            hold.toNanos() / 1e9,
                                            hold.end(),
                                            later.client(),
                                            later.token(),
                                            later.fromNanos() / 1e9));
                }
            }
            if (coveredUntil > hold.fromNanos()) {
                overlapNanos += Math.min(coveredUntil, hold.toNanos()) - hold.fromNanos();
            }
            coveredUntil = Math.max(coveredUntil, hold.toNanos());
        }
        run.counter(OVERLAPPING_HOLDS, pairs);
        run.counter(OVERLAP_NANOS, overlapNanos);
    }

    private static void countWrites(List<AppliedWrite> applied, SeedRun.Builder run) {
        long writes = 0;
        long last = 0;
        long highestToken = Long.MIN_VALUE;
        for (AppliedWrite write : applied) {
            if (!write.resource().equals(LockScenario.COUNTER)) {
                continue;
            }
            writes++;
            long value = Long.parseLong(write.value());
            if (value <= last) {
                // Computed from a read older than the last write: the increments since that read are gone.
                run.finding("lost update: %s wrote %d over %d at %.3f s (token %d)"
                        .formatted(write.writer(), value, last, write.appliedAtNanos() / 1e9, write.token()));
            }
            if (write.token() < highestToken) {
                run.counter(OUT_OF_ORDER, 1);
            }
            highestToken = Math.max(highestToken, write.token());
            last = value;
        }
        run.counter(WRITES, writes);
        run.counter(LOST_UPDATES, writes - last);
        run.counter(OUT_OF_ORDER, 0);
    }
}
