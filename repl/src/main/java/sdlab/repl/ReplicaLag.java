package sdlab.repl;

/**
 * How far a replica is behind, as it can tell from what the primary last told it: in positions and bytes, and in
 * time two ways.
 *
 * <p>{@code secondsBehindSourceNanos} is what MySQL's {@code Seconds_Behind_Source} computes: the replica's clock
 * minus the primary's commit time of the entry its applier is on, and zero once the applier has applied everything
 * received. It is blind to receive lag: a replica that receives nothing (a slow or cut link) shows zero while the
 * primary moves on. {@code receiveLagNanos} covers that: how long the replica has not held everything the primary
 * said it had, and {@code sinceHeardNanos} how long ago the primary last said anything (a cut link freezes both
 * the knowledge and the lag). Clock skew between the two machines shifts the first figure; the others use the
 * replica's clock alone.
 *
 * @param entriesBehindReceived entries the primary has and this replica has not received
 * @param entriesBehindApplied entries the primary has and this replica has not applied
 * @param bytesBehindReceived log bytes the primary has and this replica has not received
 * @param secondsBehindSourceNanos MySQL's figure, in nanoseconds
 * @param receiveLagNanos how long the replica has lacked entries the primary told it of
 * @param sinceHeardNanos how long since the last shipment or heartbeat; -1 if never
 */
public record ReplicaLag(
        long entriesBehindReceived,
        long entriesBehindApplied,
        long bytesBehindReceived,
        long secondsBehindSourceNanos,
        long receiveLagNanos,
        long sinceHeardNanos) {}
