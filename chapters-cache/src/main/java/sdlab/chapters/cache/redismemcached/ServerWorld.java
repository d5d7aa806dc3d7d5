package sdlab.chapters.cache.redismemcached;

import java.time.Duration;
import sdlab.lab.ParamValues;
import sdlab.sim.DiskConfig;
import sdlab.sim.Latency;
import sdlab.sim.NetworkConfig;

/** The hardware under chapter 11's nodes: one data-centre rack's network and the node's disk. */
final class ServerWorld {
    private static final Duration ONE_WAY_MIN = Duration.ofNanos(40_000);
    private static final Duration ONE_WAY_MAX = Duration.ofNanos(60_000);

    private ServerWorld() {}

    /** Reliable, with a one-way latency of 40 to 60 microseconds. */
    static NetworkConfig network() {
        return NetworkConfig.reliable(Latency.uniform(ONE_WAY_MIN, ONE_WAY_MAX));
    }

    /** Syncs take between a quarter of --fsync-latency and all of it; a crash may tear the last unsynced appends. */
    static DiskConfig disk(ParamValues values) {
        Duration slowest = values.get(ServerParams.FSYNC_LATENCY);
        return DiskConfig.defaults()
                .withSyncLatency(Latency.uniform(slowest.dividedBy(4), slowest))
                .withTornWrites(true);
    }
}
