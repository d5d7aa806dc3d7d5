package sdlab.repl;

import java.util.Objects;
import sdlab.core.NodeId;

/**
 * How a primary holds its lease, for the failover that uses one.
 *
 * @param leaseNode the lease service
 * @param leaseTtlNanos how long a grant lasts from the moment the holder asked for it
 * @param renewEveryNanos how often the holder renews (well below the TTL, so that a lost renewal is retried)
 * @param driftBoundPpm the largest rate error assumed between any two clocks, in parts per million: the holder
 *     gives up its lease this share of the TTL early, and the service hands it on this share late
 * @param fenced whether replicas check the token on every shipment and refuse an older one; the store then
 *     acknowledges a commit only once a replica has it under the current token, since a token that nobody on the
 *     path to the acknowledgement checks stops nothing
 */
public record LeaseSettings(
        NodeId leaseNode, long leaseTtlNanos, long renewEveryNanos, long driftBoundPpm, boolean fenced) {
    public LeaseSettings {
        Objects.requireNonNull(leaseNode, "leaseNode");
        if (leaseTtlNanos <= 0 || renewEveryNanos <= 0 || renewEveryNanos >= leaseTtlNanos) {
            throw new IllegalArgumentException("the renewal interval must be positive and below the lease's TTL");
        }
        if (driftBoundPpm < 0 || driftBoundPpm >= 100_000) {
            throw new IllegalArgumentException("the drift bound must be between 0 and 100000 ppm");
        }
    }

    /** The share of the TTL by which clocks may disagree over one lease, in nanoseconds. */
    long driftMarginNanos() {
        return leaseTtlNanos / 1_000_000 * driftBoundPpm + 1;
    }
}
