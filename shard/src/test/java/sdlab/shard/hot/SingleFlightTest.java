package sdlab.shard.hot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Concurrent askers of one key share one fetch; the planted bug gives each its own. */
class SingleFlightTest {
    @Test
    void laterAskersOfAKeyInFlightWaitForItsFetchAndAllGetItsAnswer() {
        // Shows: the first asker fetches, the next two join, and landing the flight answers all three.
        SingleFlight<String> flights = new SingleFlight<>(true);
        SingleFlight.Joined first = flights.join("k", "a");
        SingleFlight.Joined second = flights.join("k", "b");
        SingleFlight.Joined other = flights.join("j", "c");
        flights.join("k", "d");

        assertThat(first.fetch()).isTrue();
        assertThat(second.fetch()).isFalse();
        assertThat(other.fetch()).isTrue();
        assertThat(flights.land(first.flight())).containsExactly("a", "b", "d");
        assertThat(flights.coalesced()).isEqualTo(2);
        assertThat(flights.join("k", "e").fetch()).as("a landed flight is gone").isTrue();
    }

    @Test
    void withoutCoalescingEveryAskerFetchesAlone() {
        // Shows: the planted bug sends one fetch per miss and coalesces nothing.
        SingleFlight<String> flights = new SingleFlight<>(false);
        SingleFlight.Joined first = flights.join("k", "a");
        SingleFlight.Joined second = flights.join("k", "b");

        assertThat(first.fetch()).isTrue();
        assertThat(second.fetch()).isTrue();
        assertThat(flights.land(first.flight())).containsExactly("a");
        assertThat(flights.coalesced()).isZero();
    }
}
