package sdlab.traffic.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthStreakTest {

    @Test
    void aServerLeavesRotationOnlyAfterTheUnhealthyThresholdOfFailuresInARow() {
        // Shows: with unhealthy_threshold 3, two failed probes leave the server healthy and the third takes it out.
        Backend server = new Backend("a:80");
        HealthStreak streak = new HealthStreak(2, 3);

        assertThat(streak.record(false, server)).isFalse();
        assertThat(streak.record(false, server)).isFalse();
        assertThat(server.healthy()).isTrue();
        assertThat(streak.record(false, server)).isTrue();
        assertThat(server.healthy()).isFalse();
    }

    @Test
    void aSuccessBreaksAStreakOfFailures() {
        // Shows: failures must come in a row: one good probe in between starts the count again, so a lost probe does
        // not flap.
        Backend server = new Backend("a:80");
        HealthStreak streak = new HealthStreak(2, 3);

        streak.record(false, server);
        streak.record(false, server);
        streak.record(true, server);
        streak.record(false, server);
        streak.record(false, server);

        assertThat(server.healthy()).isTrue();
    }

    @Test
    void anUnhealthyServerReturnsAfterTheHealthyThresholdOfSuccessesInARow() {
        // Shows: with healthy_threshold 2, one good probe is not enough; the second brings it back, and later
        // successes change nothing more.
        Backend server = new Backend("a:80");
        HealthStreak streak = new HealthStreak(2, 1);
        streak.record(false, server);

        assertThat(streak.record(true, server)).isFalse();
        assertThat(server.healthy()).isFalse();
        assertThat(streak.record(true, server)).isTrue();
        assertThat(server.healthy()).isTrue();
        assertThat(streak.record(true, server)).isFalse();
    }

    @Test
    void thresholdsBelowOneAreRejected() {
        // Shows: a threshold of 0 would act on no evidence, so it is refused when the streak is configured.
        assertThatThrownBy(() -> new HealthStreak(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthStreak(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
