package sdlab.repl;

/**
 * How far a replica is behind, as it can tell from what the primary last told it: in positions and bytes, and in
 * time two ways.
 *
 * <p>{@code secondsBehindSourceNanos} is what MySQL's {@code Seconds_Behind_Source} computes: the replica's clock
 * minus the primary's commit time of the entry its applier is on, and zero once the applier has applied everything
 * received. It is blind to receive lag: a replica that receives nothing (a slow or cut link) shows zero while the
 * primary moves on, and so do the position figures, since the replica knows only what the primary last told it.
 * {@code receiveLagNanos} is what pt-heartbeat measures instead: the replica's clock minus the primary's send time
 * of the newest shipment or heartbeat received (the primary sends one every heartbeat interval), so it grows as
 * soon as nothing arrives. Both time figures compare two machines' clocks, so skew shifts them.
 *
 * @param entriesBehindReceived entries the primary has and this replica has not received
 * @param entriesBehindApplied entries the primary has and this replica has not applied
 * @param bytesBehindReceived log bytes the primary has and this replica has not received
 * @param secondsBehindSourceNanos MySQL's figure, in nanoseconds
 * @param receiveLagNanos the replica's clock minus the send time of the newest shipment received; -1 if none
 */
public record ReplicaLag(
        long entriesBehindReceived,
        long entriesBehindApplied,
        long bytesBehindReceived,
        long secondsBehindSourceNanos,
        long receiveLagNanos) {}
