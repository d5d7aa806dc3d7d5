package sdlab.bench.coord;

import java.time.Duration;
import java.util.List;

/**
 * The load both ensembles get.
 *
 * @param clients ZooKeeper sessions, spread round-robin over the ensemble's servers
 * @param outstanding requests each session keeps in flight
 * @param warmup unmeasured time at the start of every phase
 * @param duration measured time of every phase
 * @param valueBytes the data of every create and setData
 * @param ops the phases, in order
 * @param rounds phases per side and operation, alternating which side goes first
 */
public record CoordSettings(
        int clients,
        int outstanding,
        Duration warmup,
        Duration duration,
        int valueBytes,
        List<CoordOp> ops,
        int rounds) {
    /** setData and getData touch this many nodes, prepared before the first phase. */
    static final int WORKING_SET_SIZE = 1024;

    public CoordSettings {
        ops = List.copyOf(ops);
        if (clients < 1 || outstanding < 1 || valueBytes < 0 || ops.isEmpty() || rounds < 1) {
            throw new IllegalArgumentException("settings out of range: " + clients + " clients, " + outstanding
                    + " outstanding, " + valueBytes + " bytes, ops " + ops + ", " + rounds + " rounds");
        }
    }
}
