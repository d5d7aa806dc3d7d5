package sdlab.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How simulated disks behave.
 *
 * @param syncLatency how long a sync takes from request to durability
 * @param tornWrites whether a crash may leave part of the last unsynced appends behind, as a
 *     real disk can tear the final write of a log; off, a crash loses every unsynced write
 */
public record DiskConfig(Latency syncLatency, boolean tornWrites) {

    public DiskConfig {
        Objects.requireNonNull(syncLatency, "syncLatency");
    }

    /** Syncs take 1 ms; no torn writes. */
    public static DiskConfig defaults() {
        return new DiskConfig(Latency.constant(Duration.ofMillis(1)), false);
    }

    public DiskConfig withTornWrites(boolean torn) {
        return new DiskConfig(syncLatency, torn);
    }

    public DiskConfig withSyncLatency(Latency latency) {
        return new DiskConfig(latency, tornWrites);
    }
}
