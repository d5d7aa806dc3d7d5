package sdlab.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sdlab.repl.ReplConfig.SyncLevel;
import sdlab.repl.ReplConfig.WaitPoint;

/**
 * What survives a crash of the primary and a failover to the most advanced replica, over many seeds: the modes'
 * promises, and where each stops.
 */
class FailoverTest {
    private static final int SEEDS = 40;

    private static long lostOverSeeds(ReplConfig config, boolean powerLoss) {
        return LongStream.rangeClosed(1, SEEDS)
                .map(seed -> CrashRun.run(seed, config, powerLoss, false).lost().size())
                .sum();
    }

    @ParameterizedTest(name = "power loss {0}")
    @ValueSource(booleans = {false, true})
    void afterSyncWithOneAckLosesNoAcknowledgedWrite(boolean powerLoss) {
        // Shows: on every seed, every write a client heard "ok" for is in the promoted replica's log, even when the
        // replicas lose power with the primary and come back with their synced relay logs only.
        ReplConfig config = ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC);
        for (long seed = 1; seed <= SEEDS; seed++) {
            CrashRun.Outcome outcome = CrashRun.run(seed, config, powerLoss, false);
            assertThat(outcome.acknowledged()).as("seed %d", seed).hasSizeGreaterThan(50);
            assertThat(outcome.lost()).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void asyncLosesAcknowledgedWritesOnSomeSeeds() {
        // Shows: what was acknowledged and still in flight to the replicas (or unsynced there) when the power went.
        assertThat(lostOverSeeds(ReplWorld.config().async(), true)).isPositive();
    }

    @Test
    void syncOnAndRemoteApplyLoseNothingButRemoteWriteDoesWhenReplicasLosePower() {
        // Shows: remote_write only promises that the replica wrote the entry; a power loss takes what it had not
        // flushed. on and remote_apply wait for the flush.
        assertThat(lostOverSeeds(ReplWorld.config().sync(SyncLevel.ON), true)).isZero();
        assertThat(lostOverSeeds(ReplWorld.config().sync(SyncLevel.REMOTE_APPLY), true))
                .isZero();
        assertThat(lostOverSeeds(ReplWorld.config().sync(SyncLevel.REMOTE_WRITE), true))
                .isPositive();
    }

    @Test
    void afterCommitShowsReadersWritesThatAreThenLostAndAfterSyncDoesNot() {
        // Shows: the replicas are cut off 50 ms before the crash. Under AFTER_COMMIT the writes of those 50 ms are
        // visible on the primary while they wait, readers see them, and the failover loses them: no client heard
        // "ok", yet readers saw them. Under AFTER_SYNC readers saw none of them.
        CrashRun.Outcome afterCommit =
                CrashRun.run(1, ReplWorld.config().semiSync(WaitPoint.AFTER_COMMIT), false, true);
        CrashRun.Outcome afterSync = CrashRun.run(1, ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC), false, true);

        assertThat(afterCommit.phantomReads()).isNotEmpty();
        assertThat(afterCommit.lost()).isEmpty();
        assertThat(afterSync.phantomReads()).isEmpty();
        assertThat(afterSync.lost()).isEmpty();
    }

    @Test
    void theTimeoutFallbackLosesWhatItAcknowledged() {
        // Shows: with a 20 ms timeout the same cut switches semi-sync off; writes are acknowledged without replicas,
        // and the crash loses them even under AFTER_SYNC. The counters say it happened.
        CrashRun.Outcome outcome = CrashRun.run(
                1,
                ReplWorld.config().semiSync(WaitPoint.AFTER_SYNC).withTimeoutNanosSemiSync(20 * ReplWorld.MS),
                false,
                true);

        assertThat(outcome.recorder().switches).anyMatch(s -> s.startsWith("off@"));
        assertThat(outcome.lost()).isNotEmpty();
        assertThat(outcome.lost())
                .allMatch(
                        value -> outcome.recorder().commitsByValue.get(value).ack() == ReplObserver.CommitAck.FALLBACK);
    }
}
