package sdlab.traffic.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketKeyringTest {
    private static final long HOUR = Duration.ofHours(1).toNanos();

    @Test
    void aLongIdleSpellSkipsToTheRightKeyAndKeepsOnlyTheNewestPrevious() {
        // Shows: a year without a question costs one step, and lands on the key the hourly schedule names,
        // with exactly the kept number of keys before it still accepted.
        TicketKeyring keys = new TicketKeyring(
                "a", TicketKeyring.Source.SERVER_MEMORY, TicketKeyring.Rotation.every(Duration.ofHours(1), 2), 0);
        long yearHours = 365L * 24;
        long now = yearHours * HOUR + HOUR / 2;

        assertThat(keys.current(now)).isEqualTo(new TicketKeyId("a", yearHours));
        assertThat(keys.holds(new TicketKeyId("a", yearHours - 1), now)).isTrue();
        assertThat(keys.holds(new TicketKeyId("a", yearHours - 2), now)).isTrue();
        assertThat(keys.holds(new TicketKeyId("a", yearHours - 3), now)).isFalse();
    }

    @Test
    void keysThatNeverRotateOnTimeStayCurrent() {
        // Shows: with no schedule the first key seals for ever; only a restart (of keys in memory) replaces it.
        TicketKeyring keys =
                new TicketKeyring("a", TicketKeyring.Source.SERVER_MEMORY, TicketKeyring.Rotation.NEVER, 0);

        assertThat(keys.current(1000 * HOUR)).isEqualTo(new TicketKeyId("a", 0));
        keys.restarted(1000 * HOUR);
        assertThat(keys.current(1000 * HOUR)).isEqualTo(new TicketKeyId("a", 1));
        assertThat(keys.holds(new TicketKeyId("a", 0), 1000 * HOUR)).isFalse();
    }
}
