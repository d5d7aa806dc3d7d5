package sdlab.cache.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The memcached flows over io_uring; skipped where the kernel lacks it or forbids it (some CI machines). */
class MemcachedOverIoUringTest extends MemcachedTransportFlows {
    @BeforeAll
    static void onlyWhereIoUringRuns() {
        assumeTrue(
                Transport.IO_URING.isAvailable(),
                () -> "io_uring unavailable: "
                        + Transport.IO_URING.unavailabilityCause().orElse(""));
    }

    @Override
    Transport transport() {
        return Transport.IO_URING;
    }
}
