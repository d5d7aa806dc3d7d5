package sdlab.cache.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/** The memcached flows over epoll, the fallback where io_uring is unavailable. */
class MemcachedOverEpollTest extends MemcachedTransportFlows {
    @BeforeAll
    static void onlyOnLinux() {
        assumeTrue(
                Transport.EPOLL.isAvailable(),
                () -> Transport.EPOLL.unavailabilityCause().orElse(""));
    }

    @Override
    Transport transport() {
        return Transport.EPOLL;
    }
}
