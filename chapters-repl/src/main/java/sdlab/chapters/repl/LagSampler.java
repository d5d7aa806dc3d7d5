package sdlab.chapters.repl;

import sdlab.repl.ReplNode;
import sdlab.sim.SimControl;

/**
 * Samples the replicas' own view of their lag while they are cut off from a live primary: the largest {@code
 * Seconds_Behind_Source} and the largest receive lag (time since the newest shipment or heartbeat was sent) either
 * replica reported. The first stays near zero, since a replica that receives nothing has applied all it received;
 * the second grows with the cut. Seeds without a cut sample nothing. One per run.
 */
final class LagSampler {
    private final long fromNanos;
    private final long untilNanos;
    private boolean sampled;
    private long secondsBehindSourceNanosMax;
    private long receiveLagNanosMax;

    /** Samples from {@code fromNanos} (inclusive) to {@code untilNanos} (exclusive); none if they are equal. */
    LagSampler(long fromNanos, long untilNanos) {
        this.fromNanos = fromNanos;
        this.untilNanos = untilNanos;
    }

    /** The window of a seed's cut while the primary is still up, if it has one. */
    static LagSampler duringCut(SemiSyncFaults faults) {
        if (!faults.cut()) {
            return new LagSampler(0, 0);
        }
        return new LagSampler(
                faults.cutAtNanos(), Math.min(faults.cutAtNanos() + faults.cutNanos(), faults.crashAtNanos()));
    }

    void sample(SimControl control) {
        if (control.nowNanos() < fromNanos || control.nowNanos() >= untilNanos) {
            return;
        }
        for (var replica : SemiSyncScenario.REPLICAS) {
            control.node(replica)
                    .filter(ReplNode.class::isInstance)
                    .flatMap(node -> ((ReplNode) node).lag(control.nowNanos()))
                    .ifPresent(lag -> {
                        sampled = true;
                        secondsBehindSourceNanosMax =
                                Math.max(secondsBehindSourceNanosMax, lag.secondsBehindSourceNanos());
                        receiveLagNanosMax = Math.max(receiveLagNanosMax, lag.receiveLagNanos());
                    });
        }
    }

    /** Whether any sample was taken (the seed had a cut while the primary was up). */
    boolean sampled() {
        return sampled;
    }

    long secondsBehindSourceNanosMax() {
        return secondsBehindSourceNanosMax;
    }

    long receiveLagNanosMax() {
        return receiveLagNanosMax;
    }
}
