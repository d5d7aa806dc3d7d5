package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void autoIsEpollWhereItLoadsAndNeverIoUring() {
        // io_uring measured no less CPU per request than epoll, so the node never picks it by itself.
        Transport chosen = Transport.resolve(Transport.AUTO);
        assertThat(chosen).isEqualTo(Transport.EPOLL.isAvailable() ? Transport.EPOLL : Transport.NIO);
        assertThat(chosen.isAvailable()).isTrue();
    }

    @Test
    void anExplicitChoiceIsKept() {
        // A named transport is used as named, so a benchmark compares what it says it compares.
        assumeTrue(Transport.EPOLL.isAvailable());
        assertThat(Transport.resolve("epoll")).isEqualTo(Transport.EPOLL);
        assertThat(Transport.resolve("nio")).isEqualTo(Transport.NIO);
    }

    @Test
    void aNamedTransportTheMachineLacksIsAStartupErrorThatSaysWhy() {
        // Where io_uring is switched off, asking for it names the cause instead of quietly running epoll.
        assumeFalse(Transport.IO_URING.isAvailable());
        assertThatThrownBy(() -> Transport.resolve("io_uring"))
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
