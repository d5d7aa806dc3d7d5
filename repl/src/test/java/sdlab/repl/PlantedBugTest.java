package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import sdlab.repl.ReplConfig.Bug;
import sdlab.repl.ReplConfig.WaitPoint;

/**
 * The lossless promise can fail: replicas that report an entry flushed before their relay log is synced make
 * AFTER_SYNC lose acknowledged writes when they lose power with the primary, on the same seeds that pass without
 * the bug.
 */
class PlantedBugTest {

    @Test
    void aReplicaThatAcksBeforeSyncingItsRelayLogBreaksLosslessSemiSync() {
        ReplConfig buggy = ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC).withBug(Bug.ACK_BEFORE_RELAY_SYNC);
        long seedsLosing = LongStream.rangeClosed(1, 40)
                .filter(seed -> !CrashRun.run(seed, buggy, true, false).lost().isEmpty())
                .count();

        assertThat(seedsLosing).isPositive();
    }
}
