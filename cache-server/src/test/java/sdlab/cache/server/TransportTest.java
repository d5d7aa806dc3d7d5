package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void autoPrefersThePortsTransportWhereItRunsAndFallsBackToEpollThenNio() {
        // auto never names a transport the machine cannot run: the preferred one, else epoll, else NIO.
        Transport memcached = Transport.resolve(Transport.AUTO, Transport.IO_URING);
        Transport expected = Transport.IO_URING.isAvailable()
                ? Transport.IO_URING
                : Transport.EPOLL.isAvailable() ? Transport.EPOLL : Transport.NIO;
        assertThat(memcached).isEqualTo(expected);
        assertThat(memcached.isAvailable()).isTrue();
        assertThat(Transport.resolve(Transport.AUTO, Transport.NIO)).isEqualTo(Transport.NIO);
    }

    @Test
    void anExplicitChoiceIsKept() {
        // A named transport is used as named, so a benchmark compares what it says it compares.
        assumeTrue(Transport.EPOLL.isAvailable());
        assertThat(Transport.resolve("epoll", Transport.IO_URING)).isEqualTo(Transport.EPOLL);
        assertThat(Transport.resolve("nio", Transport.IO_URING)).isEqualTo(Transport.NIO);
    }

    @Test
    void aNamedTransportTheMachineLacksIsAStartupErrorThatSaysWhy() {
        // Where io_uring is switched off, asking for it names the cause instead of quietly running epoll.
        assumeFalse(Transport.IO_URING.isAvailable());
        assertThatThrownBy(() -> Transport.resolve("io_uring", Transport.EPOLL))
                .isInstanceOf(CacheStartupException.class)
                .hasMessageContaining("io_uring is not available here")
                .hasMessageContaining("--transport auto");
    }

    @Test
    void unknownNamesAreRefused() {
        // Only auto and the three transports' names are choices.
        assertThat(Transport.parseChoice("io-uring")).contains("io_uring");
        assertThat(Transport.parseChoice("kqueue")).isEmpty();
        assertThatThrownBy(() -> CacheServerConfig.builder().transport("kqueue").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--transport must be auto, io_uring, epoll or nio");
    }
}
