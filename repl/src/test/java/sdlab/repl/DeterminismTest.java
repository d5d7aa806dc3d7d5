package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sdlab.repl.ReplConfig.WaitPoint;

/** One seed replays the same run, byte for byte; another seed gives another run. */
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameTraceHashAndAnotherSeedDoesNot() {
        ReplConfig config = ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC);
        long first = CrashRun.run(7, config, true, false).result().traceHash();
        long again = CrashRun.run(7, config, true, false).result().traceHash();
        long other = CrashRun.run(8, config, true, false).result().traceHash();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
