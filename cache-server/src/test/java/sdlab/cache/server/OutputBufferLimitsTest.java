package sdlab.cache.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** client-output-buffer-limit's text, as Redis reads and shows it, and the soft limit's clock. */
class OutputBufferLimitsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theTextIsReadAndShownAsRedisDoesAndUnnamedClassesKeepTheirLimits() {
        OutputBufferLimits limits = OutputBufferLimits.DEFAULT.with("pubsub 1mb 512kb 10 replica 1gb 1 1");
        assertThat(limits.describe()).isEqualTo("normal 268435456 0 0 slave 1073741824 1 1 pubsub 1048576 524288 10");
        assertThat(limits.with("normal 1k 2k 3").normal()).isEqualTo(new OutputBufferLimits.Limit(1000, 2000, 3));
        assertThat(limits.with("")).isEqualTo(limits);
        assertThatThrownBy(() -> limits.with("pubsub 1mb 512kb"))
                .hasMessage("Wrong number of arguments in buffer limit configuration.");
        assertThatThrownBy(() -> limits.with("bogus 1 1 1"))
                .hasMessage("Invalid client class specified in buffer limit configuration.");
        assertThatThrownBy(() -> limits.with("pubsub 1 1 -1"))
                .hasMessage("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
        assertThatThrownBy(() -> limits.with("pubsub x 1 1"))
                .hasMessage("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    }

    @Test
    void theHardLimitClosesAtOnceAndTheSoftOneOnlyAfterItsSecondsWithoutABreak() {
        OutputBufferLimits limits = OutputBufferLimits.DEFAULT.with("pubsub 1000 100 2");
        OutputBufferLimits.SoftLimitWatch watch = new OutputBufferLimits.SoftLimitWatch();
        assertThat(limits.exceeded(true, 1001, watch, 0)).isTrue();
        assertThat(limits.exceeded(true, 500, watch, 0)).isFalse();
        assertThat(limits.exceeded(true, 500, watch, SECOND)).isFalse();
        assertThat(limits.exceeded(true, 50, watch, SECOND + 1)).isFalse(); // back under: the clock restarts
        assertThat(limits.exceeded(true, 500, watch, 2 * SECOND)).isFalse();
        assertThat(limits.exceeded(true, 500, watch, 4 * SECOND - 1)).isFalse();
        assertThat(limits.exceeded(true, 500, watch, 4 * SECOND)).isTrue();
        assertThat(limits.exceeded(false, 500, new OutputBufferLimits.SoftLimitWatch(), 0))
                .isFalse();
    }
}
